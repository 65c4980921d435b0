package dev.cards.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cards.client.error.AuthServiceUnavailableException;
import dev.cards.client.error.NotSignedInException;
import dev.cards.client.error.SessionExpiredException;

class SessionRefresherTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Issuer ISSUER = Issuer.of(java.net.URI.create("https://auth.example.com"));
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final InMemoryTokenStore store = new InMemoryTokenStore();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private SessionRefresher refresher(RefreshEndpoint endpoint, Instant now, Duration skew) {
        return new SessionRefresher(store, endpoint, ISSUER, Clock.fixed(now, ZoneOffset.UTC), skew, true,
                Duration.ofSeconds(5), pool);
    }

    private Session session(String access, long lifetimeSeconds) {
        return new Session(access, "refresh-0", NOW, NOW.plusSeconds(lifetimeSeconds), null, ISSUER.url());
    }

    @Test
    void parallelCallersRejectedWithTheSameTokenShareOneRefresh() throws Exception {
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint().held();
        store.save(session("access-0", 300));
        SessionRefresher refresher = refresher(endpoint, NOW, null);

        List<CompletableFuture<Session>> waiters = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            waiters.add(CompletableFuture.supplyAsync(() -> refresher.refresh("access-0"), pool));
        }
        assertTrue(endpoint.entered.await(5, TimeUnit.SECONDS));
        Thread.sleep(100); // let the other callers pile up on the flight
        endpoint.release.countDown();

        for (CompletableFuture<Session> w : waiters) {
            assertEquals("access-1", w.get(5, TimeUnit.SECONDS).accessToken());
        }
        assertEquals(1, endpoint.calls.get());
        assertEquals(1, refresher.refreshRequests());
    }

    @Test
    void lateRejectionOfAReplacedTokenDoesNotRefreshAgain() {
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint();
        store.save(session("access-0", 300));
        SessionRefresher refresher = refresher(endpoint, NOW, null);

        Session first = refresher.refresh("access-0");
        Session late = refresher.refresh("access-0");

        assertEquals(1, endpoint.calls.get());
        assertEquals(first.accessToken(), late.accessToken());
    }

    @Test
    void rejectedRefreshClearsTheStoreTellsListenersOnceAndFailsEveryWaiter() throws Exception {
        FakeRefreshEndpoint endpoint = FakeRefreshEndpoint.rejecting().held();
        store.save(session("access-0", 300));
        SessionRefresher refresher = refresher(endpoint, NOW, null);
        AtomicInteger expired = new AtomicInteger();
        refresher.addListener(new SessionListener() {
            @Override
            public void sessionExpired() {
                expired.incrementAndGet();
            }
        });

        List<CompletableFuture<Session>> waiters = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            waiters.add(CompletableFuture.supplyAsync(() -> refresher.refresh("access-0"), pool));
        }
        assertTrue(endpoint.entered.await(5, TimeUnit.SECONDS));
        Thread.sleep(100);
        endpoint.release.countDown();

        for (CompletableFuture<Session> w : waiters) {
            Exception e = assertThrows(Exception.class, () -> w.get(5, TimeUnit.SECONDS));
            assertInstanceOf(SessionExpiredException.class, e.getCause());
        }
        assertEquals(1, endpoint.calls.get());
        assertEquals(1, expired.get());
        assertTrue(store.load().isEmpty());
    }

    @Test
    void transientRefreshFailureKeepsTheSessionAndIsRetryable() {
        FakeRefreshEndpoint endpoint = FakeRefreshEndpoint.unavailable();
        Session session = session("access-0", 300);
        store.save(session);
        SessionRefresher refresher = refresher(endpoint, NOW, null);

        AuthServiceUnavailableException e = assertThrows(AuthServiceUnavailableException.class,
                () -> refresher.refresh("access-0"));

        assertTrue(e.isRetryable());
        assertSame(session, store.load().orElseThrow());
        endpoint.answer = refresh -> new IssuedTokens("access-9", "refresh-9", 300, 3600);
        assertEquals("access-9", refresher.refresh("access-0").accessToken());
    }

    @Test
    void insideTheDefaultSkewTheCallGoesOnWhileOneRefreshRunsInTheBackground() throws Exception {
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint().held();
        store.save(session("access-0", 300)); // default skew: min(30 s, 100 s) = 30 s
        assertEquals("access-0", refresher(endpoint, NOW.plusSeconds(269), null).sessionForCall(WAIT).accessToken());
        assertEquals(0, endpoint.calls.get());

        SessionRefresher inSkew = refresher(endpoint, NOW.plusSeconds(271), null);
        for (int i = 0; i < 10; i++) {
            assertEquals("access-0", inSkew.sessionForCall(WAIT).accessToken(), "no caller waits while the token is valid");
        }
        assertTrue(endpoint.entered.await(5, TimeUnit.SECONDS));
        endpoint.release.countDown();
        awaitStored("access-1");
        assertEquals(1, endpoint.calls.get());
    }

    @Test
    void aFailedBackgroundRefreshIsNotRepeatedOnEveryCall() throws Exception {
        FakeRefreshEndpoint endpoint = FakeRefreshEndpoint.unavailable();
        store.save(session("access-0", 300));
        SessionRefresher inSkew = refresher(endpoint, NOW.plusSeconds(280), null);
        for (int i = 0; i < 50; i++) {
            assertEquals("access-0", inSkew.sessionForCall(WAIT).accessToken());
            Thread.sleep(2);
        }
        assertEquals(2, endpoint.calls.get(), "one refresh, resent once, then a pause");
    }

    @Test
    void anExpiredTokenMakesTheCallerWaitForTheRefresh() {
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint();
        store.save(session("access-0", 300));
        assertEquals("access-1", refresher(endpoint, NOW.plusSeconds(300), null).sessionForCall(WAIT).accessToken());
        assertEquals(1, endpoint.calls.get());
    }

    @Test
    void defaultSkewIsAThirdOfAShortLifetime() throws Exception {
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint();
        store.save(session("access-0", 3)); // skew 1 s
        refresher(endpoint, NOW.plusMillis(1900), null).sessionForCall(WAIT);
        assertEquals(0, endpoint.calls.get());
        assertEquals("access-0", refresher(endpoint, NOW.plusMillis(2100), null).sessionForCall(WAIT).accessToken());
        awaitStored("access-1");
    }

    @Test
    void configuredSkewOverridesTheDefault() throws Exception {
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint();
        store.save(session("access-0", 300));
        refresher(endpoint, NOW.plusSeconds(200), Duration.ofSeconds(120)).sessionForCall(WAIT);
        awaitStored("access-1");
    }

    @Test
    void proactiveRefreshOffSendsTheOldTokenEvenAfterExpiry() {
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint();
        store.save(session("access-0", 300));
        SessionRefresher off = new SessionRefresher(store, endpoint, ISSUER, Clock.fixed(NOW.plusSeconds(301), ZoneOffset.UTC),
                null, false, Duration.ofSeconds(5), pool);
        assertEquals("access-0", off.sessionForCall(WAIT).accessToken());
        assertEquals(0, endpoint.calls.get());
    }

    @Test
    void aRefreshWhoseOutcomeIsUnknownIsSentOnceMoreWithTheSameToken() {
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint();
        List<String> presented = new CopyOnWriteArrayList<>();
        endpoint.answer = refresh -> {
            presented.add(refresh);
            if (presented.size() == 1) {
                throw new AuthServiceUnavailableException("connection reset", null);
            }
            return new IssuedTokens("access-new", "refresh-new", 300, 3600);
        };
        store.save(session("access-0", 300));
        SessionRefresher refresher = refresher(endpoint, NOW, null);
        assertEquals("access-new", refresher.refresh("access-0").accessToken());
        assertEquals(List.of("refresh-0", "refresh-0"), presented);
        assertEquals(2, refresher.refreshRequests());
    }

    @Test
    void blockingCallersOnASaturatedPoolDoNotWaitForARefreshQueuedBehindThem() throws Exception {
        ExecutorService eight = Executors.newFixedThreadPool(8);
        try {
            FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint();
            store.save(session("access-0", 300));
            SessionRefresher refresher = new SessionRefresher(store, endpoint, ISSUER, Clock.fixed(NOW.plusSeconds(301), ZoneOffset.UTC),
                    null, true, Duration.ofSeconds(5), eight);
            List<CompletableFuture<Session>> callers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                callers.add(CompletableFuture.supplyAsync(() -> refresher.sessionForCall(WAIT), eight));
            }
            for (CompletableFuture<Session> caller : callers) {
                assertEquals("access-1", caller.get(10, TimeUnit.SECONDS).accessToken());
            }
            assertEquals(1, endpoint.calls.get());
        } finally {
            eight.shutdownNow();
        }
    }

    @Test
    void aListenerMayEndTheSessionFromInsideSessionExpired(@TempDir Path dir) {
        FileTokenStore file = new FileTokenStore(dir.resolve("session.json"), Duration.ofSeconds(2));
        file.save(session("access-0", 300));
        SessionRefresher refresher = new SessionRefresher(file, FakeRefreshEndpoint.rejecting(), ISSUER, Clock.fixed(NOW, ZoneOffset.UTC),
                null, true, Duration.ofSeconds(5), pool);
        AtomicInteger told = new AtomicInteger();
        refresher.addListener(new SessionListener() {
            @Override
            public void sessionExpired() {
                refresher.end(); // the store's lock is free: listeners run outside it
                told.incrementAndGet();
            }
        });
        assertThrows(SessionExpiredException.class, () -> refresher.refresh("access-0"));
        assertEquals(1, told.get());
        assertTrue(file.load().isEmpty());
    }

    private void awaitStored(String accessToken) throws InterruptedException {
        for (int i = 0; i < 500 && !store.load().map(s -> s.accessToken().equals(accessToken)).orElse(false); i++) {
            Thread.sleep(10);
        }
        assertEquals(accessToken, store.load().orElseThrow().accessToken());
    }

    @Test
    void rotationReplacesBothTokensTogether() {
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint();
        store.save(session("access-0", 300));
        refresher(endpoint, NOW, null).refresh("access-0");
        Session stored = store.load().orElseThrow();
        assertEquals("access-1", stored.accessToken());
        assertEquals("refresh-1", stored.refreshToken());
    }

    @Test
    void withoutRotationTheSameRefreshTokenIsKept() {
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint();
        endpoint.answer = refresh -> new IssuedTokens("access-new", refresh, 300, 3600);
        store.save(session("access-0", 300));
        SessionRefresher refresher = refresher(endpoint, NOW, null);
        refresher.refresh("access-0");
        refresher.refresh("access-new");
        Session stored = store.load().orElseThrow();
        assertEquals("refresh-0", stored.refreshToken());
        assertEquals(2, endpoint.calls.get());
    }

    @Test
    void withoutASessionNothingIsRefreshed() {
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint();
        SessionRefresher refresher = refresher(endpoint, NOW, null);
        assertThrows(NotSignedInException.class, () -> refresher.sessionForCall(WAIT));
        assertThrows(SessionExpiredException.class, () -> refresher.refresh("gone"));
        assertEquals(0, endpoint.calls.get());
    }

    @Test
    void aCallerWaitingForAHungRefreshIsReleasedAfterItsWait() throws Exception {
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint().held();
        store.save(session("access-0", 300));
        SessionRefresher refresher = new SessionRefresher(store, endpoint, ISSUER, Clock.fixed(NOW, ZoneOffset.UTC), null,
                true, Duration.ofMillis(200), pool);
        refresher.refreshAsync("access-0"); // a worker runs the flight and hangs in it
        assertTrue(endpoint.entered.await(5, TimeUnit.SECONDS));
        AuthServiceUnavailableException e = assertThrows(AuthServiceUnavailableException.class,
                () -> refresher.refresh("access-0"));
        assertTrue(e.isRetryable());
        endpoint.release.countDown();
        assertNotEquals(null, store.load().orElse(null));
    }
}
