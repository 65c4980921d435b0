package dev.cards.auth.rest.problem;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers oversized bodies with problem details. The HTTP layer refuses them before any resource
 * runs, with an empty 413; this checks the declared length first, and dresses the HTTP layer's own
 * refusal (chunked bodies) the same way.
 */
@ApplicationScoped
public class BodyLimit {

    private static final String BODY = "{\"type\":\"about:blank\",\"title\":\"Request Entity Too Large\",\"status\":413,"
            + "\"detail\":\"The request body is too large\"}";

    private final long limit;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
        router.errorHandler(413, BodyLimit::tooLarge);
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared)) {
            tooLarge(ctx);
            return;
        }
        ctx.next();
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec rejects a malformed length itself
        }
    }

    private static void tooLarge(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            return;
        }
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(BODY);
    }
}
