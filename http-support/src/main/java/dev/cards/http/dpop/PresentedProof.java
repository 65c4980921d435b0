package dev.cards.http.dpop;

import java.util.List;

import io.vertx.core.http.HttpServerRequest;

/** The `DPoP` header values of a request (none, one, or the several a proof check refuses) and where it was sent. */
public record PresentedProof(RequestTarget target, List<String> values) {

    public static final String HEADER = "DPoP";

    public static PresentedProof of(HttpServerRequest request) {
        return new PresentedProof(RequestTarget.of(request), request.headers().getAll(HEADER));
    }

    public boolean present() {
        return !values.isEmpty();
    }
}
