package dev.cards.deck.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for the auth-service's JWKS endpoint on a free port. Tests steer it over HTTP
 * (publish keys, go down, count fetches) through {@link JwksAdmin}, which works whatever class
 * loader the test runs in.
 */
public class TestJwksServer implements QuarkusTestResourceLifecycleManager {

    private final AtomicReference<String> jwks = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    /**
     * jose4j's HttpsJwks skips a forced refresh within 300 ms of its last fetch
     * (refreshReprieveThreshold, whatever smallrye.jwt.jwks.forced-refresh-interval says), so a key
     * published sooner would stay unknown to the next token that needs it.
     */
    private static final long REFRESH_REPRIEVE_NANOS = TimeUnit.MILLISECONDS.toNanos(300 + 50);
    private final AtomicLong lastFetchNanos = new AtomicLong(System.nanoTime() - REFRESH_REPRIEVE_NANOS);
    private final AtomicBoolean down = new AtomicBoolean();
    /** The JWKS answer's Cache-Control max-age, as the auth-service sends one; none while null. */
    private final AtomicReference<String> maxAge = new AtomicReference<>();
    private HttpServer server;
    private Path keyFile;

    @Override
    public Map<String, String> start() {
        try {
            TestKey primary = TestKey.generate();
            keyFile = Files.createTempFile("cards-test-key", ".txt");
            primary.write(keyFile);
            jwks.set("{\"keys\":[" + primary.jwkJson() + "]}");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", this::serveJwks);
            server.createContext("/admin", this::admin);
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("test JWKS server did not start", e);
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "mp.jwt.verify.publickey.location", base + "/.well-known/jwks.json",
                "test.jwks.admin-url", base + "/admin",
                "test.signing-key.file", keyFile.toString());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        try {
            if (keyFile != null) {
                Files.deleteIfExists(keyFile);
            }
        } catch (IOException ignored) {
            // a temp file; the OS cleans up
        }
    }

    private void serveJwks(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        lastFetchNanos.set(System.nanoTime());
        if (down.get()) {
            respond(exchange, 503, "");
        } else {
            String seconds = maxAge.get();
            if (seconds != null) {
                exchange.getResponseHeaders().set("Cache-Control", "public, max-age=" + seconds);
            }
            respond(exchange, 200, jwks.get());
        }
    }

    private void admin(HttpExchange exchange) throws IOException {
        String action = exchange.getRequestURI().getPath().substring("/admin".length());
        switch (action) {
            case "/jwks" -> {
                jwks.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                waitOutTheRefreshReprieve();
            }
            case "/down" -> down.set(true);
            case "/up" -> down.set(false);
            case "/max-age" -> {
                String seconds = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                maxAge.set(seconds.isEmpty() ? null : seconds);
            }
            case "/fetches" -> {
                respond(exchange, 200, Integer.toString(fetches.get()));
                return;
            }
            default -> {
                respond(exchange, 404, "");
                return;
            }
        }
        respond(exchange, 204, null);
    }

    /** Answers the publish only once the service's next forced refresh will really fetch. */
    private void waitOutTheRefreshReprieve() {
        long left = lastFetchNanos.get() + REFRESH_REPRIEVE_NANOS - System.nanoTime();
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
        exchange.close();
    }
}
