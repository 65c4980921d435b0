package dev.cards.deck.problem;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.cards.deck.service.StaleCardException;
import dev.cards.http.problem.Problems;
import jakarta.ws.rs.core.Response;

/**
 * The cards-service's own refusals beyond the shared {@link dev.cards.http.problem.RequestProblemMappers}
 * and the token answers of {@link TokenProblemMappers}.
 */
public class CardProblemMappers {

    @ServerExceptionMapper
    public Response stale(StaleCardException e) {
        return Problems.of(412, "The card was changed since the version named in If-Match; fetch it again");
    }
}
