package dev.cards.http.limits;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cards.http.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers oversized bodies with problem details. Quarkus refuses a declared Content-Length above
 * {@code quarkus.http.limits.max-body-size} with a bare 413 from a Vert.x route (order -2) that no
 * exception mapper sees; this checks the declared length first. A body without one (chunked)
 * Quarkus would count while the resource reads it and refuse with a bare 413 as well: that count
 * is handed to {@link ChunkedBodyLimit}, which refuses with the same problem.
 */
@ApplicationScoped
public class BodyLimit {

    static final String DETAIL = "The request body is too large";
    /** Where Quarkus's route (order -2) leaves the limit for its body stream when no length is declared. */
    private static final String QUARKUS_STREAM_LIMIT = "io.quarkus.max-request-size";
    /** After that route, before the resources (Quarkus REST routes at 0 and above). */
    private static final int AFTER_QUARKUS_LIMIT = -1;

    private final long limit;
    private final String body;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit, ObjectMapper json)
            throws JsonProcessingException {
        this.limit = limit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.body = json.writeValueAsString(Problem.of(413, DETAIL, null, null));
    }

    /** The largest body answered normally, in bytes. */
    long limit() {
        return limit;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
        router.route().order(AFTER_QUARKUS_LIMIT).handler(ctx -> {
            ctx.remove(QUARKUS_STREAM_LIMIT);
            ctx.next();
        });
        router.errorHandler(413, this::tooLarge);
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

    private void tooLarge(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            return;
        }
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close")
                // This route may run before RequestLimits', which marks every other answer.
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(body);
    }
}
