package dev.cards.example;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cards.client.WireMockServices.EMPTY_PAGE;
import static dev.cards.client.WireMockServices.expiredToken;
import static dev.cards.client.WireMockServices.json;
import static dev.cards.client.WireMockServices.tokens;
import static dev.cards.client.WireMockServices.unauthorizedWithoutInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.cards.client.Sessions;
import dev.cards.client.cards.api.CardsApi;
import dev.cards.client.cards.api.CardsUniApi;
import dev.cards.client.error.AccessTokenRejectedException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The generated interfaces exactly as an application injects them, against WireMock: they attach the
 * token, refresh on an {@code invalid_token} 401 and send the same call once more, by themselves.
 */
@QuarkusTest
@QuarkusTestResource(value = WireMockServicesResource.class, restrictToAnnotatedClass = true)
class InjectedClientsTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Inject
    Sessions sessions;
    @Inject
    CardsApi cards;
    @Inject
    CardsUniApi cardsUni;
    @Inject
    RetryingReader retrying;
    @Inject
    Vertx vertx;

    private WireMockServer server;

    @BeforeEach
    void signIn() {
        server = WireMockServicesResource.services.server;
        server.resetAll();
        server.stubFor(post(urlEqualTo("/auth/login")).willReturn(tokens("access-0", "refresh-0")));
        server.stubFor(post(urlEqualTo("/auth/refresh")).willReturn(tokens("access-1", "refresh-1")));
        sessions.login("ada@example.com", PASSWORD.toCharArray());
    }

    private void cardsAnswer(String access, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlPathEqualTo("/cards")).withHeader("Authorization", equalTo("Bearer " + access)).willReturn(answer));
    }

    @Test
    void anInvalidTokenRejectionIsRefreshedAndTheSameCallSentAgainWithTheNewToken() {
        cardsAnswer("access-0", expiredToken());
        cardsAnswer("access-1", json(200, EMPTY_PAGE));

        assertEquals(0L, cards.listCards(0, 20).getTotal());

        server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
        server.verify(2, getRequestedFor(urlPathEqualTo("/cards")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/cards")).withHeader("Authorization", equalTo("Bearer access-1")));
    }

    @Test
    void theRefreshAndLoginRequestsCarryNoAccessToken() {
        cardsAnswer("access-0", expiredToken());
        cardsAnswer("access-1", json(200, EMPTY_PAGE));

        cards.listCards(0, 20);

        server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")).withoutHeader("Authorization")
                .withRequestBody(containing("refresh-0")));
        server.verify(1, postRequestedFor(urlEqualTo("/auth/login")).withoutHeader("Authorization"));
    }

    @Test
    void aSecondRejectionGoesToTheCallerAfterExactlyTwoCalls() {
        cardsAnswer("access-0", expiredToken());
        cardsAnswer("access-1", expiredToken());

        assertThrows(AccessTokenRejectedException.class, () -> cards.listCards(0, 20));

        server.verify(2, getRequestedFor(urlPathEqualTo("/cards")));
        server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
    }

    @Test
    void aRejectionThatDoesNotSayInvalidTokenIsNotRefreshed() {
        cardsAnswer("access-0", unauthorizedWithoutInvalidToken());

        AccessTokenRejectedException e = assertThrows(AccessTokenRejectedException.class, () -> cards.listCards(0, 20));

        assertFalse(e.invalidToken());
        server.verify(1, getRequestedFor(urlPathEqualTo("/cards")));
        server.verify(0, postRequestedFor(urlEqualTo("/auth/refresh")));
    }

    @Test
    void aUniSendsNothingUntilSubscribed() throws Exception {
        cardsAnswer("access-0", json(200, EMPTY_PAGE));

        var later = cardsUni.listCards(0, 20);
        Thread.sleep(300);
        server.verify(0, getRequestedFor(urlPathEqualTo("/cards")));

        assertEquals(0L, later.await().atMost(Duration.ofSeconds(10)).getTotal());
        server.verify(1, getRequestedFor(urlPathEqualTo("/cards")));
    }

    @Test
    void aRefreshedUniCallEmitsOnTheSubscribersContext() throws Exception {
        cardsAnswer("access-0", expiredToken());
        cardsAnswer("access-1", json(200, EMPTY_PAGE));
        Context caller = vertx.getOrCreateContext();
        CompletableFuture<Boolean> onCallerContext = new CompletableFuture<>();

        caller.runOnContext(ignored -> cardsUni.listCards(0, 20).subscribe().with(
                page -> onCallerContext.complete(Vertx.currentContext() == caller && Context.isOnEventLoopThread()),
                onCallerContext::completeExceptionally));

        assertTrue(onCallerContext.get(10, TimeUnit.SECONDS));
        server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/cards")).withHeader("Authorization", equalTo("Bearer access-1")));
    }

    @Test
    void aBlockingCallOnAnEventLoopIsRefusedBeforeAnythingIsSent() throws Exception {
        cardsAnswer("access-0", json(200, EMPTY_PAGE));
        CompletableFuture<Throwable> refused = new CompletableFuture<>();

        vertx.getOrCreateContext().runOnContext(ignored -> {
            try {
                cards.listCards(0, 20);
                refused.complete(null);
            } catch (RuntimeException e) {
                refused.complete(e);
            }
        });

        assertInstanceOf(IllegalStateException.class, refused.get(10, TimeUnit.SECONDS));
        server.verify(0, getRequestedFor(urlPathEqualTo("/cards")));
    }

    @Test
    void anApplicationsOwnRetryStillGivesOneRefresh() {
        cardsAnswer("access-0", expiredToken());
        server.stubFor(get(urlPathEqualTo("/cards")).withHeader("Authorization", equalTo("Bearer access-1"))
                .inScenario("access-1").whenScenarioStateIs(Scenario.STARTED).willReturn(expiredToken()).willSetStateTo("served"));
        server.stubFor(get(urlPathEqualTo("/cards")).withHeader("Authorization", equalTo("Bearer access-1"))
                .inScenario("access-1").whenScenarioStateIs("served").willReturn(json(200, EMPTY_PAGE)));

        assertEquals(0L, retrying.firstPage().getTotal());

        server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
        server.verify(3, getRequestedFor(urlPathEqualTo("/cards")));
    }

    @Test
    void operationsWithoutABodyStillAskForJson() {
        String id = "0b7e4f5e-8a43-4f7e-9d0c-2f3a1b7c9d11";
        server.stubFor(delete(urlEqualTo("/cards/" + id)).withHeader("Accept", containing("application/json"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(204)));

        try (var response = cards.deleteCard(id)) {
            assertEquals(204, response.getStatus());
        }
        server.verify(1, deleteRequestedFor(urlEqualTo("/cards/" + id)).withHeader("Authorization", equalTo("Bearer access-0")));
    }
}
