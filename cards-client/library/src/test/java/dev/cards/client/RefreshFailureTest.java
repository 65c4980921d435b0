package dev.cards.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.cards.client.WireMockServices.EMPTY_PAGE;
import static dev.cards.client.WireMockServices.expiredToken;
import static dev.cards.client.WireMockServices.invalidGrant;
import static dev.cards.client.WireMockServices.json;
import static dev.cards.client.WireMockServices.problem;
import static dev.cards.client.WireMockServices.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cards.client.error.AuthServiceUnavailableException;
import dev.cards.client.error.ClientConfigurationException;
import dev.cards.client.error.SessionExpiredException;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RefreshFailureTest {

    private final WireMockServices services = new WireMockServices();

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void rejectedRefreshExpiresTheSessionForEveryWaiterAndTellsTheListenerOnce() throws Exception {
        services.signedIn("access-0", "refresh-0");
        services.cardsAnswer("access-0", expiredToken());
        services.refreshAnswers(invalidGrant().withFixedDelay(300));
        AtomicInteger expired = new AtomicInteger();
        CardsClients clients = services.clients().listener(new SessionListener() {
            @Override
            public void sessionExpired() {
                expired.incrementAndGet();
            }
        }).build();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<CompletableFuture<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> clients.cards().listCards(0, 20),
                        pool));
            }
            for (CompletableFuture<Object> call : calls) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
                assertInstanceOf(SessionExpiredException.class, e.getCause());
            }
        } finally {
            pool.shutdownNow();
        }
        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
        assertEquals(1, expired.get());
        assertTrue(services.store.load().isEmpty());
    }

    @Test
    void refreshAnswering503KeepsTheSessionAndIsRetryable() {
        services.signedIn("access-0", "refresh-0");
        services.cardsAnswer("access-0", expiredToken());
        services.refreshAnswers(problem(503, "Service Unavailable", ""));
        CardsClients clients = services.clients().build();

        AuthServiceUnavailableException e = assertThrows(AuthServiceUnavailableException.class,
                () -> clients.cards().listCards(0, 20));

        assertTrue(e.isRetryable());
        assertEquals("access-0", services.store.load().orElseThrow().accessToken());
    }

    @Test
    void aRefreshRefusingTheClientIsAConfigurationErrorAndKeepsTheSession() {
        services.signedIn("access-0", "refresh-0");
        services.cardsAnswer("access-0", expiredToken());
        services.refreshAnswers(problem(401, "Unauthorized", ",\"error\":\"invalid_client\""));
        CardsClients clients = services.clients().build();

        ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
                () -> clients.cards().listCards(0, 20));

        assertEquals(401, e.status());
        assertEquals("refresh-0", services.store.load().orElseThrow().refreshToken());
        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
    }

    @Test
    void aRefreshThatAnswers503IsSentOnceMoreWithTheSameToken() {
        services.signedIn("access-0", "refresh-0");
        services.cardsAnswer("access-0", expiredToken());
        services.refreshAnswers(problem(503, "Service Unavailable", ""));
        CardsClients clients = services.clients().build();

        assertThrows(AuthServiceUnavailableException.class, () -> clients.cards().listCards(0, 20));

        services.server.verify(2, postRequestedFor(urlEqualTo("/auth/refresh"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("refresh-0")));
    }

    @Test
    void refreshWithTheAuthServiceDownKeepsTheSession() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        // A session of the auth-service that is down (a session of another one would not be sent there at all).
        Instant now = Instant.now();
        services.store.save(new Session("access-0", "refresh-0", now, now.plusSeconds(300), null, Issuer.of(closedPort).url()));
        services.cardsAnswer("access-0", expiredToken());
        CardsClients clients = services.clients().authUrl(closedPort).build();

        assertThrows(AuthServiceUnavailableException.class,
                () -> clients.cards().listCards(0, 20));

        assertEquals("refresh-0", services.store.load().orElseThrow().refreshToken());
    }

    @Test
    void rotationStoresTheNewRefreshTokenWithTheNewAccessToken() {
        services.signedIn("access-0", "refresh-0");
        services.refreshAnswers(tokens("access-1", "refresh-1"));
        CardsClients clients = services.clients().build();

        clients.refresher().refresh("access-0");
        services.refreshAnswers(tokens("access-2", "refresh-2"));
        clients.refresher().refresh("access-1");

        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh"))
                .withRequestBody(equalTo("{\"refresh_token\":\"refresh-1\"}")));
        Session stored = services.store.load().orElseThrow();
        assertEquals("access-2", stored.accessToken());
        assertEquals("refresh-2", stored.refreshToken());
    }

    @Test
    void withoutRotationTheSameRefreshTokenIsSentAgain() {
        services.signedIn("access-0", "refresh-0");
        services.refreshAnswers(tokens("access-1", "refresh-0"));
        CardsClients clients = services.clients().build();

        clients.refresher().refresh("access-0");
        services.refreshAnswers(tokens("access-2", "refresh-0"));
        clients.refresher().refresh("access-1");

        services.server.verify(2, postRequestedFor(urlEqualTo("/auth/refresh"))
                .withRequestBody(equalTo("{\"refresh_token\":\"refresh-0\"}")));
        assertEquals("access-2", services.store.load().orElseThrow().accessToken());
    }

    @Test
    void notJsonFromTheRefreshEndpointIsUnavailableNotExpiry() {
        services.signedIn("access-0", "refresh-0");
        services.cardsAnswer("access-0", expiredToken());
        services.cardsAnswer("access-1", json(200, EMPTY_PAGE));
        services.refreshAnswers(aResponse().withStatus(502).withBody("<html>bad gateway</html>"));
        CardsClients clients = services.clients().build();

        assertThrows(AuthServiceUnavailableException.class,
                () -> clients.cards().listCards(0, 20));
        assertTrue(services.store.load().isPresent());
    }
}
