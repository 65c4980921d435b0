package dev.cards.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.client.Session;
import dev.cards.client.Sessions;
import dev.cards.client.cards.api.CardsApi;
import dev.cards.client.cards.api.CardsUniApi;
import dev.cards.client.cards.model.CardPage;
import dev.cards.client.cards.model.CardRequest;
import dev.cards.client.e2e.Services;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * The injected interfaces against the real packaged services, 3-second access tokens: after expiry 64
 * concurrent calls share one refresh (counted in the auth-service's access log), and calls made while
 * the token is inside the refresh skew are never rejected.
 */
@QuarkusTest
@QuarkusTestResource(value = PackagedServicesResource.class, restrictToAnnotatedClass = true)
class InjectedClientsAgainstServicesTest {

    static final String REFRESHES_SERVED = "\"POST /auth/refresh HTTP/1.1\" 200";
    static final String REJECTED_CALLS = "/cards?page=0&size=20 HTTP/1.1\" 401";
    private static final int CALLERS = 64;

    @Inject
    Sessions sessions;
    @Inject
    CardsApi cards;
    @Inject
    CardsUniApi cardsUni;

    private Services services;

    @BeforeEach
    void signIn() {
        services = PackagedServicesResource.services;
        String email = "injected-" + UUID.randomUUID() + "@example.com";
        char[] password = "injected-password-123".toCharArray();
        sessions.signup(email, password);
        sessions.login(email, password);
        cards.createCard(new CardRequest().question("q").answer("a"));
    }

    @Test
    void sixtyFourBlockingCallsAfterExpiryAllSucceedOnOneRefresh() throws Exception {
        long served = afterExpiry(() -> {
            ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
            try {
                List<CompletableFuture<CardPage>> calls = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    calls.add(CompletableFuture.supplyAsync(() -> cards.listCards(0, 20), pool));
                }
                for (CompletableFuture<CardPage> call : calls) {
                    assertEquals(1L, call.get(30, TimeUnit.SECONDS).getTotal());
                }
            } finally {
                pool.shutdownNow();
            }
        });
        assertEquals(1, served, "refreshes the auth-service answered");
        record("64 blocking calls after expiry: " + served + " refresh request(s) served");
    }

    @Test
    void sixtyFourUniCallsAfterExpiryAllSucceedOnOneRefresh() throws Exception {
        long served = afterExpiry(() -> {
            List<Uni<CardPage>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                calls.add(cardsUni.listCards(0, 20));
            }
            var pages = Uni.join().all(calls).andFailFast().await().atMost(Duration.ofSeconds(30));
            assertEquals(CALLERS, pages.size());
            pages.forEach(page -> assertEquals(1L, page.getTotal()));
        });
        assertEquals(1, served, "refreshes the auth-service answered");
        record("64 Uni calls after expiry: " + served + " refresh request(s) served");
    }

    @Test
    void callsThroughTheSkewAreNeverRejected() throws Exception {
        Thread.sleep(500);
        long rejectedBefore = services.cards.linesContaining(REJECTED_CALLS);
        long servedBefore = services.auth.linesContaining(REFRESHES_SERVED);
        Instant end = Instant.now().plus(PackagedServicesResource.ACCESS_TOKEN_LIFETIME.multipliedBy(3));
        long calls = 0;
        while (Instant.now().isBefore(end)) {
            cards.listCards(0, 20);
            calls++;
        }
        Thread.sleep(500);
        long rejected = services.cards.linesContaining(REJECTED_CALLS) - rejectedBefore;
        long served = services.auth.linesContaining(REFRESHES_SERVED) - servedBefore;
        assertEquals(0, rejected, "401s while refreshing ahead of expiry");
        assertTrue(served >= 2, "the token was refreshed in the background: " + served);
        record(calls + " calls over three token lifetimes: " + rejected + " x 401, " + served + " background refreshes");
    }

    @Test
    void aRefreshedCallCostsLittleMore() throws Exception {
        List<Long> plain = new ArrayList<>();
        List<Long> refreshed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cards.listCards(0, 20); // warm up
        }
        for (int i = 0; i < 3; i++) {
            plain.add(time(() -> cards.listCards(0, 20)));
            waitForExpiry();
            refreshed.add(time(() -> cards.listCards(0, 20)));
        }
        plain.sort(null);
        refreshed.sort(null);
        double p = plain.get(1) / 1e6;
        double r = refreshed.get(1) / 1e6;
        record(String.format("median call %.1f ms; after expiry (wait for refresh, then call) %.1f ms (+%.1f)", p, r, r - p));
        assertTrue(r < 2000);
    }

    /** Runs {@code calls} once the access token has expired; the refreshes the auth-service served meanwhile. */
    private long afterExpiry(ThrowingRunnable calls) throws Exception {
        waitForExpiry();
        Thread.sleep(300); // let earlier access-log lines settle
        long before = services.auth.linesContaining(REFRESHES_SERVED);
        calls.run();
        Thread.sleep(500);
        return services.auth.linesContaining(REFRESHES_SERVED) - before;
    }

    private void waitForExpiry() throws InterruptedException {
        Session session = sessions.current().orElseThrow();
        long millis = Duration.between(Instant.now(), session.accessExpiresAt().plusMillis(200)).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static long time(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static void record(String line) throws Exception {
        System.out.println(line);
        Path file = Path.of("target/e2e/injected-clients.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
