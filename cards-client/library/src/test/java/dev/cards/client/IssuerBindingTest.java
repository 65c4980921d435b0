package dev.cards.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cards.client.error.OtherIssuerSessionException;

/** A session is used only with the auth-service it came from (RFC 9700 §4.4). */
class IssuerBindingTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Issuer ORIGIN = Issuer.of(URI.create("https://auth.example.com"));
    private static final Issuer OTHER = Issuer.of(URI.create("https://auth.example.net"));
    private static final Issuer LOOPBACK = Issuer.of(URI.create("http://localhost:8081"));
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private SessionRefresher refresherFor(Issuer issuer) {
        return new SessionRefresher(store, endpoint, issuer, Clock.fixed(NOW, ZoneOffset.UTC), null, true,
                Duration.ofSeconds(5), pool);
    }

    private void stored(String issuer) {
        store.save(new Session("access-0", "refresh-0", NOW, NOW.plusSeconds(300), null, issuer));
    }

    @Test
    void anotherIssuersSessionIsNotRefreshed() {
        stored(ORIGIN.url());
        SessionRefresher refresher = refresherFor(OTHER);

        Throwable refused = assertThrows(Throwable.class, () -> refresher.refresh("access-0"));

        assertInstanceOf(OtherIssuerSessionException.class, SessionRefresher.unwrap(refused));
        assertEquals(0, endpoint.calls.get());
        assertEquals("refresh-0", store.load().orElseThrow().refreshToken(), "the session stays for its own issuer");
    }

    @Test
    void anotherIssuersSessionIsNotUsedForCalls() {
        stored(ORIGIN.url());
        SessionRefresher refresher = refresherFor(OTHER);

        OtherIssuerSessionException refused = assertThrows(OtherIssuerSessionException.class, refresher::current);

        assertEquals("the saved session was obtained from https://auth.example.com; its tokens are not sent to "
                + "https://auth.example.net: log in again against https://auth.example.net", refused.getMessage());
        assertThrows(OtherIssuerSessionException.class, refresher::session);
    }

    @Test
    void aRefreshedSessionKeepsItsIssuer() {
        stored(ORIGIN.url());

        Session refreshed = refresherFor(ORIGIN).refresh("access-0");

        assertEquals("access-1", refreshed.accessToken());
        assertEquals(ORIGIN.url(), store.load().orElseThrow().issuer());
    }

    @Test
    void aSessionWithoutIssuerIsAdoptedByALoopbackIssuerAndBoundByItsRefresh() {
        stored(null);
        SessionRefresher refresher = refresherFor(LOOPBACK);

        assertEquals("access-0", refresher.current().accessToken());
        refresher.refresh("access-0");

        assertEquals(1, endpoint.calls.get());
        assertEquals("http://localhost:8081", store.load().orElseThrow().issuer());
    }

    @Test
    void aSessionWithoutIssuerIsNotSentToARemoteIssuer() {
        stored(null);
        SessionRefresher refresher = refresherFor(ORIGIN);

        OtherIssuerSessionException refused = assertThrows(OtherIssuerSessionException.class, refresher::current);

        assertEquals("the saved session does not name the auth-service it came from (saved by an earlier version); "
                + "its tokens go only to a loopback URL, not to https://auth.example.com: log in again against "
                + "https://auth.example.com", refused.getMessage());
        assertThrows(Throwable.class, () -> refresher.refresh("access-0"));
        assertEquals(0, endpoint.calls.get());
    }

    @Test
    void theIssuerIsComparedWithoutCaseDefaultPortOrTrailingSlash() {
        assertEquals(ORIGIN, Issuer.of(URI.create("HTTPS://Auth.Example.com:443/")));
        assertEquals(Issuer.of(URI.create("http://localhost")), Issuer.of(URI.create("http://localhost:80")));
        assertEquals("https://auth.example.com:8443/base", Issuer.of(URI.create("https://auth.example.com:8443/base/")).url());
        assertEquals("stork://auth-service", Issuer.of(URI.create("stork://auth-service")).url());
    }

    @Test
    void portSchemeAndHostEachMakeAnotherIssuer() {
        assertThrows(OtherIssuerSessionException.class, () -> {
            stored("http://localhost:8081");
            refresherFor(Issuer.of(URI.create("http://localhost:8091"))).current();
        });
        assertThrows(OtherIssuerSessionException.class, () -> {
            stored("http://localhost:8081");
            refresherFor(Issuer.of(URI.create("https://localhost:8081"))).current();
        });
        assertThrows(OtherIssuerSessionException.class, () -> {
            stored("http://localhost:8081");
            refresherFor(Issuer.of(URI.create("http://127.0.0.1:8081"))).current();
        });
    }
}
