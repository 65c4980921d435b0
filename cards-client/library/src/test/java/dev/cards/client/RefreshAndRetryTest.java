package dev.cards.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cards.client.WireMockServices.EMPTY_PAGE;
import static dev.cards.client.WireMockServices.expiredToken;
import static dev.cards.client.WireMockServices.json;
import static dev.cards.client.WireMockServices.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cards.client.error.AccessTokenRejectedException;
import dev.cards.client.error.NotSignedInException;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

@QuarkusTest
class RefreshAndRetryTest {

    private final WireMockServices services = new WireMockServices();
    @Inject
    Vertx vertx;

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void unauthorizedThenOkRefreshesOnceAndRetriesOnce() {
        services.signedIn("access-0", "refresh-0");
        services.cardsAnswer("access-0", expiredToken());
        services.cardsAnswer("access-1", json(200, EMPTY_PAGE));
        services.refreshAnswers(tokens("access-1", "refresh-1"));
        List<String> exchanges = new java.util.concurrent.CopyOnWriteArrayList<>();
        CardsClients clients = services.clients()
                .exchangeListener((client, method, uri, status, elapsed) -> exchanges.add(method + " " + uri.getPath() + " " + status))
                .build();

        var page = clients.cards().listCards(0, 20);

        assertEquals(0L, page.getTotal());
        assertEquals(List.of("GET /cards 401", "POST /auth/refresh 200", "GET /cards 200"), exchanges);
        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh"))
                .withRequestBody(equalTo("{\"refresh_token\":\"refresh-0\"}")));
        services.server.verify(2, getRequestedFor(urlPathEqualTo("/cards")));
        services.server.verify(1, getRequestedFor(urlPathEqualTo("/cards"))
                .withHeader("Authorization", equalTo("Bearer access-1")));
    }

    @Test
    void unauthorizedTwiceFailsAfterExactlyOneRetry() {
        services.signedIn("access-0", "refresh-0");
        services.cardsAnswer("access-0", expiredToken());
        services.cardsAnswer("access-1", expiredToken());
        services.refreshAnswers(tokens("access-1", "refresh-1"));
        CardsClients clients = services.clients().build();

        AccessTokenRejectedException e = assertThrows(AccessTokenRejectedException.class,
                () -> clients.cards().listCards(0, 20));

        assertEquals("access-1", e.rejectedAccessToken());
        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
        services.server.verify(2, getRequestedFor(urlPathEqualTo("/cards")));
    }

    @Test
    void sixtyFourParallelCallsRejectedWithTheSameTokenShareOneRefresh() throws Exception {
        services.signedIn("access-0", "refresh-0");
        services.cardsAnswer("access-0", expiredToken());
        services.cardsAnswer("access-1", json(200, EMPTY_PAGE));
        services.refreshAnswers(tokens("access-1", "refresh-1").withFixedDelay(300));
        CardsClients clients = services.clients().build();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<CompletableFuture<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> clients.cards().listCards(0, 20),
                        pool));
            }
            for (CompletableFuture<Object> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
        services.server.verify(64, getRequestedFor(urlPathEqualTo("/cards"))
                .withHeader("Authorization", equalTo("Bearer access-1")));
        assertEquals(1, clients.refresher().refreshRequests());
    }

    @Test
    void lateUnauthorizedForAReplacedTokenRetriesWithoutRefreshing() {
        services.signedIn("access-1", "refresh-1");
        services.cardsAnswer("access-1", json(200, EMPTY_PAGE));
        CardsClients clients = services.clients().build();

        // As if this call had been sent with access-0 before another call replaced it.
        Session current = clients.refresher().refresh("access-0");

        assertEquals("access-1", current.accessToken());
        clients.cards().listCards(0, 20);
        services.server.verify(0, postRequestedFor(urlEqualTo("/auth/refresh")));
    }

    @Test
    void insideTheSkewTheCallGoesOnWithItsValidTokenWhileOneRefreshRunsInTheBackground() throws Exception {
        Instant now = Instant.now();
        services.store.save(new Session("access-0", "refresh-0", now.minusSeconds(290), now.plusSeconds(10), null,
                Issuer.of(services.url()).url()));
        services.cardsAnswer("access-0", json(200, EMPTY_PAGE));
        services.cardsAnswer("access-1", json(200, EMPTY_PAGE));
        services.refreshAnswers(tokens("access-1", "refresh-1"));
        CardsClients clients = services.clients().build();

        clients.cards().listCards(0, 20);
        for (int i = 0; i < 500 && clients.refresher().current().accessToken().equals("access-0"); i++) {
            Thread.sleep(10);
        }
        clients.cards().listCards(0, 20);

        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
        services.server.verify(1, getRequestedFor(urlPathEqualTo("/cards")).withHeader("Authorization", equalTo("Bearer access-0")));
        services.server.verify(1, getRequestedFor(urlPathEqualTo("/cards")).withHeader("Authorization", equalTo("Bearer access-1")));
    }

    @Test
    void proactiveRefreshOffTakesTheUnauthorizedPath() {
        Instant now = Instant.now();
        services.store.save(new Session("access-0", "refresh-0", now.minusSeconds(290), now.plusSeconds(10), null,
                Issuer.of(services.url()).url()));
        services.cardsAnswer("access-0", expiredToken());
        services.cardsAnswer("access-1", json(200, EMPTY_PAGE));
        services.refreshAnswers(tokens("access-1", "refresh-1"));
        CardsClients clients = services.clients().proactiveRefresh(false).build();

        clients.cards().listCards(0, 20);

        services.server.verify(1, getRequestedFor(urlPathEqualTo("/cards"))
                .withHeader("Authorization", equalTo("Bearer access-0")));
        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
    }

    @Test
    void uniCallsRefreshAndRetryToo() {
        services.signedIn("access-0", "refresh-0");
        services.cardsAnswer("access-0", expiredToken());
        services.cardsAnswer("access-1", json(200, EMPTY_PAGE));
        services.refreshAnswers(tokens("access-1", "refresh-1"));
        CardsClients clients = services.clients().build();

        var page = clients.cardsUni().listCards(0, 20)
                .await().atMost(Duration.ofSeconds(10));

        assertEquals(20, page.getSize());
        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
    }

    @Test
    void uniCallOnTheEventLoopRefreshesWithoutBlockingIt() throws Exception {
        services.signedIn("access-0", "refresh-0");
        services.cardsAnswer("access-0", expiredToken());
        services.cardsAnswer("access-1", json(200, EMPTY_PAGE));
        services.refreshAnswers(tokens("access-1", "refresh-1").withFixedDelay(200));
        CardsClients clients = services.clients().build();
        CompletableFuture<Object> result = new CompletableFuture<>();

        vertx.runOnContext(v -> {
            assertTrue(Context.isOnEventLoopThread());
            clients.cardsUni().listCards(0, 20)
                    .subscribe().with(result::complete, result::completeExceptionally);
        });

        result.get(10, TimeUnit.SECONDS);
        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
    }

    @Test
    void blockingCallOnTheEventLoopIsRefused() throws Exception {
        services.signedIn("access-0", "refresh-0");
        CardsClients clients = services.clients().build();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();

        vertx.runOnContext(v -> {
            try {
                clients.cards().listCards(0, 20);
                failure.complete(null);
            } catch (RuntimeException e) {
                failure.complete(e);
            }
        });

        assertTrue(failure.get(10, TimeUnit.SECONDS) instanceof IllegalStateException);
        assertEquals(0, services.server.getAllServeEvents().size());
    }

    @Test
    void withoutASessionNoRequestIsSent() {
        CardsClients clients = services.clients().build();

        assertThrows(NotSignedInException.class, () -> clients.cards().listCards(0, 20));
        assertThrows(NotSignedInException.class, () -> clients.cardsUni().listCards(0, 20).await().atMost(Duration.ofSeconds(5)));

        assertEquals(0, services.server.getAllServeEvents().size());
    }
}
