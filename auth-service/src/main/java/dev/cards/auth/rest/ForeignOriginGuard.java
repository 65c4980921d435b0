package dev.cards.auth.rest;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cards.auth.rest.problem.ProblemDetail;
import dev.cards.auth.rest.problem.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request from a page on an origin not in {@code quarkus.http.cors.origins} with a 403
 * problem before anything runs. Quarkus' CORS filter would refuse it too, but with an empty body;
 * this answers first, so a refused page and its operator read why (RFC 9457). The CORS filter still
 * writes the headers for the allowed origins.
 */
@ApplicationScoped
public class ForeignOriginGuard {

    private final Set<String> allowed;
    private final String refusal;

    ForeignOriginGuard(@ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins, ObjectMapper json)
            throws JsonProcessingException {
        this.allowed = Set.copyOf(origins.orElse(List.of()));
        this.refusal = json.writeValueAsString(new ProblemDetail("about:blank", "Forbidden", 403,
                "Requests from this origin are not allowed (CORS)", null, null));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null || allowed.contains(origin)) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN)
                .end(refusal);
    }
}
