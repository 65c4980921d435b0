package dev.cards.cards.problem;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Quarkus refuses a declared Content-Length above {@code quarkus.http.limits.max-body-size}
 * with a bare 413 from a Vert.x route (order -2) that no exception mapper sees. This route runs
 * just before it and gives the same refusal a problem-details body.
 */
@ApplicationScoped
public class OversizedBodyGuard {

    private final Optional<MemorySize> limit;
    private final String body;

    OversizedBodyGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit,
            ObjectMapper json) throws JsonProcessingException {
        this.limit = limit;
        this.body = json.writeValueAsString(new Problem(Problem.ABOUT_BLANK, Problems.reasonPhrase(413), 413,
                "The request body is too large", null, null));
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(-3).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, max.asLongValue())) {
                ctx.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
            } else {
                ctx.next();
            }
        }));
    }

    private static boolean exceeds(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself rejects a malformed Content-Length
        }
    }
}
