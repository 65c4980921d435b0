package dev.cards.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.client.CardsClients;
import dev.cards.client.InMemoryTokenStore;
import dev.cards.client.Session;
import dev.cards.client.cards.model.CardRequest;
import dev.cards.client.error.AuthServiceUnavailableException;
import dev.cards.client.error.SessionExpiredException;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The library against the real, packaged services (2-second access tokens). Skipped when the
 * services have not been packaged (build the whole reactor).
 */
@QuarkusTest
class ClientAgainstServicesTest {

    static final String REFRESHES_SERVED = "\"POST /auth/refresh HTTP/1.1\" 200";
    private Services services;
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final AtomicInteger refreshesSent = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        services = Services.get();
    }

    private CardsClients clients(boolean proactive) {
        return CardsClients.builder().authUrl(services.auth.url()).cardsUrl(services.cards.url()).tokenStore(store)
                .proactiveRefresh(proactive).exchangeListener((client, method, uri, status, elapsed) -> {
                    if (uri.getPath().equals("/auth/refresh")) {
                        refreshesSent.incrementAndGet();
                    }
                }).build();
    }

    private Session signUpAndLogIn(CardsClients clients) {
        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        char[] password = "e2e-password-123".toCharArray();
        clients.sessions().signup(email, password);
        return clients.sessions().login(email, password);
    }

    private static void waitForExpiry(Session session) throws InterruptedException {
        long millis = Duration.between(Instant.now(), session.accessExpiresAt().plusSeconds(Services.SERVER_SKEW_SECONDS).plusMillis(300)).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    @Test
    void expiredAccessTokenIsRefreshedTransparently() throws Exception {
        CardsClients clients = clients(false);
        Session first = signUpAndLogIn(clients);
        clients.cards().createCard(new CardRequest().question("q").answer("a"));
        waitForExpiry(first);

        var page = clients.cards().listCards(0, 20);

        assertEquals(1L, page.getTotal());
        assertEquals(1, refreshesSent.get());
        assertEquals(1, clients.retries());
    }

    @Test
    void thirtyTwoParallelCallsAfterExpirySendOneRefreshToTheAuthService() throws Exception {
        CardsClients clients = clients(false);
        Session first = signUpAndLogIn(clients);
        waitForExpiry(first);
        Thread.sleep(500); // let the access log of earlier tests' refreshes settle
        long servedBefore = services.auth.linesContaining(REFRESHES_SERVED);

        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<CompletableFuture<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> clients.cards().listCards(0, 5), pool));
            }
            for (CompletableFuture<Object> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, refreshesSent.get());
        Thread.sleep(500);
        long served = services.auth.linesContaining(REFRESHES_SERVED) - servedBefore;
        assertEquals(1, served, "refreshes the auth-service answered 200");
        Files.writeString(Path.of("target/e2e/parallel-refreshes.txt"),
                "32 parallel calls after expiry: " + refreshesSent.get() + " refresh request(s) sent, " + served
                        + " answered by the auth-service\n");
    }

    @Test
    void aRefreshTokenReusedBeyondTheGraceExpiresTheSession() throws Exception {
        CardsClients clients = clients(true);
        Session original = signUpAndLogIn(clients);
        // Two rotations: the reuse grace covers only the immediately previous token, not the original.
        clients.sessions().refresh();
        clients.sessions().refresh();

        // A second client still holding the retired refresh token presents it again.
        InMemoryTokenStore stale = new InMemoryTokenStore();
        stale.save(original);
        CardsClients staleClients = CardsClients.builder().authUrl(services.auth.url())
                .cardsUrl(services.cards.url()).tokenStore(stale).build();
        assertThrows(SessionExpiredException.class, () -> staleClients.sessions().refresh());
        assertTrue(stale.load().isEmpty());

        // Reuse revoked the whole session (RFC 9700 §4.14.2): the rotated token is dead too.
        assertTrue(store.load().isPresent());
        assertThrows(SessionExpiredException.class, () -> clients.sessions().refresh());
    }

    @Test
    void authServiceDownIsUnavailableKeepsTheSessionAndRecovers() throws Exception {
        CardsClients clients = clients(false);
        Session first = signUpAndLogIn(clients);
        services.auth.stop();
        try {
            waitForExpiry(first);
            assertThrows(AuthServiceUnavailableException.class,
                    () -> clients.cards().listCards(0, 5));
            assertEquals(first.refreshToken(), store.load().orElseThrow().refreshToken());
        } finally {
            services.auth.start();
        }

        var page = clients.cards().listCards(0, 5);

        assertEquals(0L, page.getTotal());
        assertTrue(!store.load().orElseThrow().accessToken().equals(first.accessToken()));
    }

    @Test
    void aCallThatHadToRefreshCostsLittleMore() throws Exception {
        CardsClients reactive = clients(false);
        CardsClients proactive = CardsClients.builder().authUrl(services.auth.url())
                .cardsUrl(services.cards.url()).tokenStore(store).build();
        signUpAndLogIn(reactive);
        for (int i = 0; i < 3; i++) { // warm up both paths
            reactive.cards().listCards(0, 5);
        }
        List<Long> plain = new ArrayList<>();
        List<Long> after401 = new ArrayList<>();
        List<Long> proactiveRefresh = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            plain.add(time(() -> reactive.cards().listCards(0, 5)));
            waitForExpiry(store.load().orElseThrow());
            after401.add(time(() -> reactive.cards().listCards(0, 5)));
            waitForExpiry(store.load().orElseThrow());
            proactiveRefresh.add(time(() -> proactive.cards().listCards(0, 5)));
        }
        String figures = String.format("median call: %.1f ms; with 401+refresh+retry: %.1f ms (+%.1f); "
                + "with proactive refresh: %.1f ms (+%.1f)%n", median(plain), median(after401),
                median(after401) - median(plain), median(proactiveRefresh), median(proactiveRefresh) - median(plain));
        System.out.print(figures);
        Files.writeString(Path.of("target/e2e/refresh-latency.txt"), figures);
        assertTrue(median(after401) < 2000, figures);
    }

    private static long time(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
