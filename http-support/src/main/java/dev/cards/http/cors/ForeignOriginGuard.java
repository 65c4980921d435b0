package dev.cards.http.cors;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cards.http.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request from a page on another origin that is not in {@code quarkus.http.cors.origins}
 * with a 403 problem before anything runs. Quarkus' CORS filter would refuse it too, but with an
 * empty body; this answers first, so the page and its operator can read why (RFC 9457). The CORS
 * filter still writes the headers for the allowed origins. A page of the service itself
 * (same origin, RFC 6454 §5) passes: browsers send Origin on its POST, PUT and DELETE too.
 */
@ApplicationScoped
public class ForeignOriginGuard {

    private final Set<String> allowed;
    private final String refusal;

    ForeignOriginGuard(@ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins, ObjectMapper json)
            throws JsonProcessingException {
        this.allowed = Set.copyOf(origins.orElse(List.of()));
        this.refusal = json.writeValueAsString(Problem.of(403, "Requests from this origin are not allowed (CORS)", null, null));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || allowed.contains(origin) || origin.equals(request.scheme() + "://" + request.getHeader(HttpHeaders.HOST))) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN)
                .end(refusal);
    }
}
