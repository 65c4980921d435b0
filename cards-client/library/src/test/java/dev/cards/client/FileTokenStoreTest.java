package dev.cards.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import java.util.concurrent.CountDownLatch;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

class FileTokenStoreTest {

    /** The auth-service the sessions of these tests come from (also read by {@link RefreshInAnotherProcess}). */
    static final Issuer ISSUER = Issuer.of(java.net.URI.create("https://auth.example.com"));

    @TempDir
    Path dir;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private WireMockServer wireMock;

    @AfterEach
    void stop() {
        pool.shutdownNow();
        if (wireMock != null) {
            wireMock.stop();
        }
    }

    private static Session session(String access) {
        Instant now = Instant.now();
        return new Session(access, "refresh-0", now, now.plusSeconds(300), now.plusSeconds(3600), ISSUER.url());
    }

    @Test
    void sessionFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("sub/session.json");
        new FileTokenStore(file).save(session("access-0"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void savedSessionReadsBackAndClearRemovesIt() {
        FileTokenStore store = new FileTokenStore(dir.resolve("session.json"));
        Session saved = session("access-0");
        store.save(saved);
        Session loaded = store.load().orElseThrow();
        assertEquals(saved.accessToken(), loaded.accessToken());
        assertEquals(saved.refreshToken(), loaded.refreshToken());
        assertEquals(saved.accessExpiresAt().toEpochMilli(), loaded.accessExpiresAt().toEpochMilli());
        store.clear();
        assertTrue(store.load().isEmpty());
    }

    @Test
    void theIssuerIsSavedWithTheSession() {
        FileTokenStore store = new FileTokenStore(dir.resolve("session.json"));
        store.save(session("access-0"));
        assertEquals("https://auth.example.com", store.load().orElseThrow().issuer());
    }

    @Test
    void aSessionFileOfThePreviousVersionLoadsWithoutIssuer() throws Exception {
        Path file = dir.resolve("session.json");
        Files.writeString(file, "{\"access_token\":\"access-0\",\"refresh_token\":\"refresh-0\","
                + "\"access_issued_at\":1767261600000,\"access_expires_at\":1767261900000,\"refresh_expires_at\":null}");
        Session loaded = new FileTokenStore(file).load().orElseThrow();
        assertEquals("refresh-0", loaded.refreshToken());
        assertNull(loaded.issuer());
    }

    @Test
    void aBoundSessionsKeyIsWrittenOwnerOnlyAndReadsBackTheSameKey() throws Exception {
        Path file = dir.resolve("sub/session.json");
        Instant now = Instant.now();
        DPoPKey key = DPoPKey.generate();
        new FileTokenStore(file).save(new Session("access-0", "refresh-0", now, now.plusSeconds(300), null, ISSUER.url(),
                Session.DPOP, key));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Session loaded = new FileTokenStore(file).load().orElseThrow();
        assertTrue(loaded.dpopBound());
        assertEquals(key.thumbprint(), loaded.dpopKey().thumbprint());
        // The private part is there: the loaded key signs proofs the saved key's thumbprint verifies.
        assertEquals(key.toJwk().get("d"), loaded.dpopKey().toJwk().get("d"));
        assertTrue(Files.readString(file).contains("\"dpop_key\""));
        assertTrue(loaded.toString().contains(key.thumbprint()));
        assertFalse(loaded.toString().contains((String) key.toJwk().get("d")), "never the private key in toString");
    }

    @Test
    void aSessionFileWithoutAKeyLoadsAsABearerSession() throws Exception {
        Path file = dir.resolve("session.json");
        Files.writeString(file, "{\"access_token\":\"access-0\",\"refresh_token\":\"refresh-0\","
                + "\"access_issued_at\":1767261600000,\"access_expires_at\":1767261900000,\"refresh_expires_at\":null,"
                + "\"issuer\":\"https://auth.example.com\"}");
        Session loaded = new FileTokenStore(file).load().orElseThrow();
        assertFalse(loaded.dpopBound());
        assertNull(loaded.dpopKey());
        assertEquals(Session.BEARER, loaded.tokenType());
        assertEquals("refresh-0", loaded.refreshToken());
    }

    @Test
    void aRefreshThroughTheFileKeepsTheSessionsKey() {
        Path file = dir.resolve("session.json");
        Instant now = Instant.now();
        DPoPKey key = DPoPKey.generate();
        new FileTokenStore(file).save(new Session("access-0", "refresh-0", now, now.plusSeconds(300), null, ISSUER.url(),
                Session.DPOP, key));
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint();
        endpoint.answer = refresh -> new IssuedTokens("access-1", "refresh-1", 300, 3600, Session.DPOP);

        Session refreshed = refresherOn(new FileTokenStore(file), endpoint).refresh("access-0");

        assertEquals(key, refreshed.dpopKey());
        assertTrue(refreshed.dpopBound());
        assertEquals(key, new FileTokenStore(file).load().orElseThrow().dpopKey());
    }

    @Test
    void twoStoresOnOneFileShareOneRefresh() throws Exception {
        Path file = dir.resolve("session.json");
        new FileTokenStore(file).save(session("access-0"));
        FakeRefreshEndpoint endpoint = new FakeRefreshEndpoint();
        // Two independent refreshers, as two processes would have: no shared in-memory flight.
        SessionRefresher a = refresherOn(new FileTokenStore(file), endpoint);
        SessionRefresher b = refresherOn(new FileTokenStore(file), endpoint);

        List<CompletableFuture<Session>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SessionRefresher r = i % 2 == 0 ? a : b;
            calls.add(CompletableFuture.supplyAsync(() -> r.refresh("access-0"), pool));
        }
        for (CompletableFuture<Session> c : calls) {
            assertEquals("access-1", c.get(10, TimeUnit.SECONDS).accessToken());
        }
        assertEquals(1, endpoint.calls.get());
    }

    @Test
    void twoProcessesRefreshingAtOnceSendOneRefresh() throws Exception {
        wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        wireMock.stubFor(post(urlEqualTo("/auth/refresh")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(1500).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"access-1\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                        + "\"refresh_token\":\"refresh-1\",\"refresh_expires_in\":3600}")));
        Path file = dir.resolve("session.json");
        new FileTokenStore(file).save(session("access-0"));

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RefreshInAnotherProcess.class.getName(),
                    file.toString(), wireMock.baseUrl() + "/auth/refresh").redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes()).trim();
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.endsWith("access-1"), out);
        }
        wireMock.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
        assertEquals("refresh-1", new FileTokenStore(file).load().orElseThrow().refreshToken());
    }

    private SessionRefresher refresherOn(TokenStore store, RefreshEndpoint endpoint) {
        return new SessionRefresher(store, endpoint, ISSUER, Clock.systemUTC(), null, true, Duration.ofSeconds(10), pool);
    }

    @Test
    void aLockHeldTooLongFailsTheWaiterInsteadOfHangingIt() throws Exception {
        FileTokenStore store = new FileTokenStore(dir.resolve("session.json"), Duration.ofMillis(300));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pool.submit(() -> store.locked(() -> {
            held.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertTrue(held.await(5, TimeUnit.SECONDS));
        try {
            assertThrows(TokenStoreBusyException.class, () -> store.locked(() -> null));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aNestedLockOnTheHoldingThreadRunsAtOnce() {
        FileTokenStore store = new FileTokenStore(dir.resolve("session.json"), Duration.ofMillis(300));
        assertEquals("inner", store.locked(() -> store.locked(() -> "inner")));
    }
}
