package dev.cards.http.limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import dev.cards.http.problem.ProblemException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * The body limit for a body whose length is not declared (chunked, RFC 9112 §7.1), which
 * {@link BodyLimit} cannot check before it arrives: it is read here up to one byte over
 * {@code quarkus.http.limits.max-body-size} and refused, as a declared one is, with the 413
 * problem (RFC 9110 §15.5.14). The rest of the body is never read, so the connection cannot carry
 * another request: it closes once the answer is out, as after Quarkus's own refusal.
 */
@Provider
public class ChunkedBodyLimit implements ReaderInterceptor {

    private final BodyLimit limit;
    private final RoutingContext routing;

    ChunkedBodyLimit(BodyLimit limit, RoutingContext routing) {
        this.limit = limit;
        this.routing = routing;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (routing.request().getHeader(HttpHeaders.CONTENT_LENGTH) != null || limit.limit() >= Integer.MAX_VALUE) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readNBytes((int) limit.limit() + 1);
        if (body.length > limit.limit()) {
            routing.response().putHeader(HttpHeaders.CONNECTION, "close");
            routing.addEndHandler(answered -> routing.request().connection().close());
            throw new ProblemException(413, BodyLimit.DETAIL, null);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
