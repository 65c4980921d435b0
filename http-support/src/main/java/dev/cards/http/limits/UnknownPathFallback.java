package dev.cards.http.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cards.http.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Paths no JAX-RS resource or Quarkus endpoint claims never reach an exception mapper; this
 * last Vert.x route answers them with a problem-details 404 instead of the default page.
 */
@ApplicationScoped
public class UnknownPathFallback {

    private final String body;

    UnknownPathFallback(ObjectMapper json) throws JsonProcessingException {
        this.body = json.writeValueAsString(Problem.of(404, "No resource at this path", null, null));
    }

    void install(@Observes Router router) {
        router.route().last().handler(ctx -> ctx.response()
                .setStatusCode(404)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body));
    }
}
