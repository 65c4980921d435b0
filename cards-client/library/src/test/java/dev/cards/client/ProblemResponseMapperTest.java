package dev.cards.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.cards.client.WireMockServices.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cards.client.cards.model.CardRequest;
import dev.cards.client.error.InvalidInputException;
import dev.cards.client.error.PreconditionFailedException;
import dev.cards.client.error.RateLimitedException;
import dev.cards.client.error.ResourceNotFoundException;
import dev.cards.client.error.ServerErrorException;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProblemResponseMapperTest {

    private static final String ID = "0b7e4f5e-8a43-4f7e-9d0c-2f3a1b7c9d11";
    private final WireMockServices services = new WireMockServices();
    private CardsClients clients;

    @AfterEach
    void stop() {
        services.close();
    }

    private CardsClients signedIn() {
        services.signedIn("access-0", "refresh-0");
        return services.clients().build();
    }

    @Test
    void notFoundCarriesTheProblemDetails() {
        services.server.stubFor(get(urlEqualTo("/cards/" + ID)).willReturn(problem(404, "Not Found", "")));
        clients = signedIn();
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> clients.cards().getCard(ID));
        assertEquals("Not Found", e.problem().title());
        assertEquals("Not Found detail", e.problem().detail());
    }

    @Test
    void aBareOAuthErrorBodyKeepsItsCodeAndAsksForTheNonceOnce() {
        // The shape of /oauth2/token's answer (RFC 6749 §5.2, RFC 9449 §8): no problem details, only "error".
        services.server.stubFor(get(urlEqualTo("/cards/" + ID)).willReturn(WireMockServices.json(400,
                "{\"error\":\"use_dpop_nonce\",\"error_description\":\"Authorization server requires nonce in DPoP proof\"}")
                .withHeader("DPoP-Nonce", "nonce-t")));
        clients = signedIn();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> clients.cards().getCard(ID));
        assertEquals("use_dpop_nonce", e.problem().error());
        services.server.verify(2, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/cards/" + ID)));
    }

    @Test
    void useDPoPNonceWithoutANonceHeaderIsNotRetried() {
        services.server.stubFor(get(urlEqualTo("/cards/" + ID)).willReturn(problem(400, "Bad Request",
                ",\"error\":\"use_dpop_nonce\"")));
        clients = signedIn();
        assertThrows(InvalidInputException.class, () -> clients.cards().getCard(ID));
        services.server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/cards/" + ID)));
    }

    @Test
    void validationErrorsAreListed() {
        services.server.stubFor(get(urlEqualTo("/cards?page=0&size=500")).willReturn(problem(400, "Bad Request",
                ",\"errors\":[{\"field\":\"size\",\"message\":\"must be at most 100\"}]")));
        clients = signedIn();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> clients.cards().listCards(0, 500));
        assertEquals("size", e.problem().errors().get(0).field());
        assertEquals("Bad Request detail; size: must be at most 100", e.problem().summary());
    }

    @Test
    void staleIfMatchIsPreconditionFailed() {
        services.server.stubFor(put(urlEqualTo("/cards/" + ID)).willReturn(problem(412, "Precondition Failed", "")));
        clients = signedIn();
        assertThrows(PreconditionFailedException.class,
                () -> clients.cards().updateCard(ID, new CardRequest().question("q").answer("a"), "\"1\""));
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        services.server.stubFor(get(urlEqualTo("/cards/" + ID))
                .willReturn(problem(429, "Too Many Requests", "").withHeader("Retry-After", "7")));
        clients = signedIn();
        RateLimitedException e = assertThrows(RateLimitedException.class,
                () -> clients.cards().getCard(ID));
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    }

    @Test
    void serverErrorsAreTyped() {
        services.server.stubFor(get(urlEqualTo("/cards/" + ID)).willReturn(problem(500, "Internal Server Error", "")));
        clients = signedIn();
        ServerErrorException e = assertThrows(ServerErrorException.class,
                () -> clients.cards().getCard(ID));
        assertEquals(500, e.status());
    }
}
