package dev.cards.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cards.client.error.AuthServiceUnavailableException;
import dev.cards.client.error.NotSignedInException;
import dev.cards.client.error.SessionExpiredException;

class SessionRefresherTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final InMemoryTokenStore store = new InMemoryTokenStore();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private SessionRefresher refresher(TokenEndpoint endpoint, Instant now, Duration skew) {
        return new SessionRefresher(store, endpoint, Clock.fixed(now, ZoneOffset.UTC), skew, true,
                Duration.ofSeconds(5), pool);
    }

    private Session session(String access, long lifetimeSeconds) {
        return new Session(access, "refresh-0", NOW, NOW.plusSeconds(lifetimeSeconds), null);
    }

    @Test
    void parallelCallersRejectedWithTheSameTokenShareOneRefresh() throws Exception {
        FakeTokenEndpoint endpoint = new FakeTokenEndpoint().held();
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
        FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
        store.save(session("access-0", 300));
        SessionRefresher refresher = refresher(endpoint, NOW, null);

        Session first = refresher.refresh("access-0");
        Session late = refresher.refresh("access-0");

        assertEquals(1, endpoint.calls.get());
        assertEquals(first.accessToken(), late.accessToken());
    }

    @Test
    void rejectedRefreshClearsTheStoreTellsListenersOnceAndFailsEveryWaiter() throws Exception {
        FakeTokenEndpoint endpoint = FakeTokenEndpoint.rejecting().held();
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
        FakeTokenEndpoint endpoint = FakeTokenEndpoint.unavailable();
        Session session = session("access-0", 300);
        store.save(session);
        SessionRefresher refresher = refresher(endpoint, NOW, null);

        AuthServiceUnavailableException e = assertThrows(AuthServiceUnavailableException.class,
                () -> refresher.refresh("access-0"));

        assertTrue(e.isRetryable());
        assertSame(session, store.load().orElseThrow());
        endpoint.answer = refresh -> new TokenResponse("access-9", "refresh-9", 300, 3600);
        assertEquals("access-9", refresher.refresh("access-0").accessToken());
    }

    @Test
    void proactiveRefreshHappensInsideTheDefaultSkew() {
        FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
        store.save(session("access-0", 300)); // default skew: min(30 s, 100 s) = 30 s
        assertEquals("access-0", refresher(endpoint, NOW.plusSeconds(269), null).ensureFresh().accessToken());
        assertEquals(0, endpoint.calls.get());

        assertEquals("access-1", refresher(endpoint, NOW.plusSeconds(271), null).ensureFresh().accessToken());
        assertEquals(1, endpoint.calls.get());
    }

    @Test
    void defaultSkewIsAThirdOfAShortLifetime() {
        FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
        store.save(session("access-0", 3)); // skew 1 s
        assertEquals("access-0", refresher(endpoint, NOW.plusMillis(1900), null).ensureFresh().accessToken());
        assertEquals("access-1", refresher(endpoint, NOW.plusMillis(2100), null).ensureFresh().accessToken());
    }

    @Test
    void configuredSkewOverridesTheDefault() {
        FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
        store.save(session("access-0", 300));
        assertEquals("access-1",
                refresher(endpoint, NOW.plusSeconds(200), Duration.ofSeconds(120)).ensureFresh().accessToken());
    }

    @Test
    void proactiveRefreshOffSendsTheOldToken() {
        FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
        store.save(session("access-0", 300));
        SessionRefresher off = new SessionRefresher(store, endpoint, Clock.fixed(NOW.plusSeconds(299), ZoneOffset.UTC),
                null, false, Duration.ofSeconds(5), pool);
        assertEquals("access-0", off.ensureFresh().accessToken());
        assertEquals(0, endpoint.calls.get());
    }

    @Test
    void unavailableDuringProactiveRefreshStillUsesAnUnexpiredToken() {
        store.save(session("access-0", 300));
        Session used = refresher(FakeTokenEndpoint.unavailable(), NOW.plusSeconds(290), null).ensureFresh();
        assertEquals("access-0", used.accessToken());
    }

    @Test
    void rotationReplacesBothTokensTogether() {
        FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
        store.save(session("access-0", 300));
        refresher(endpoint, NOW, null).refresh("access-0");
        Session stored = store.load().orElseThrow();
        assertEquals("access-1", stored.accessToken());
        assertEquals("refresh-1", stored.refreshToken());
    }

    @Test
    void withoutRotationTheSameRefreshTokenIsKept() {
        FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
        endpoint.answer = refresh -> new TokenResponse("access-new", refresh, 300, 3600);
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
        FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
        SessionRefresher refresher = refresher(endpoint, NOW, null);
        assertThrows(NotSignedInException.class, refresher::ensureFresh);
        assertThrows(SessionExpiredException.class, () -> refresher.refresh("gone"));
        assertEquals(0, endpoint.calls.get());
    }

    @Test
    void aRefreshThatHangsReleasesTheCallerAfterTheTimeout() {
        FakeTokenEndpoint endpoint = new FakeTokenEndpoint().held();
        store.save(session("access-0", 300));
        SessionRefresher refresher = new SessionRefresher(store, endpoint, Clock.fixed(NOW, ZoneOffset.UTC), null,
                true, Duration.ofMillis(200), pool);
        assertThrows(AuthServiceUnavailableException.class, () -> refresher.refresh("access-0"));
        endpoint.release.countDown();
        assertNotEquals(null, store.load().orElse(null));
    }
}
