package dev.cards.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.client.e2e.Services;

/**
 * The packaged {@code cards-bench client-expiry} ({@code target/quarkus-app/quarkus-run.jar})
 * against the packaged services of the library's end-to-end tests (2-second access tokens, a
 * 1-second clock skew): what the client counted equals what the services counted.
 */
class ClientExpiryIT {

    static final Path BENCH_JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private Services services;

    record Run(int exitCode, String out) {
    }

    @BeforeEach
    void start() throws Exception {
        services = Services.get();
    }

    private Run clientExpiry(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", BENCH_JAR.toString(), "client-expiry", "--auth", services.auth.url().toString(),
                "--cards", services.cards.url().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Run(process.exitValue(), out);
    }

    /** The JSON line; its latencies are NaN when no call succeeded within the measured period. */
    private static JsonNode resultOf(Run run) throws Exception {
        String line = run.out().lines().filter(l -> l.startsWith("{\"scenario\":\"client-expiry\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no JSON line in:\n" + run.out()));
        return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(line);
    }

    @Test
    void theClientsCountsOf401sAndRefreshesEqualTheServices() throws Exception {
        // Refresh on 401 only, so that each 2-second token's expiry reaches the cards-service.
        Run run = clientExpiry("--concurrency", "4", "--warmup", "1", "--seconds", "5", "--no-proactive-refresh");
        Files.writeString(Files.createDirectories(Path.of("target/e2e")).resolve("client-expiry-output.txt"), run.out());
        assertEquals(0, run.exitCode(), run.out());
        JsonNode result = resultOf(run);

        assertTrue(result.get("calls").asLong() > 0, run.out());
        assertEquals(0, result.get("caller_failures").asLong(), run.out());
        assertTrue(result.get("client_401s").asLong() > 0, run.out());
        assertEquals(result.get("client_401s").asLong(), result.get("server_401s").asLong(), run.out());
        assertTrue(result.get("client_refreshes").asLong() > 0, run.out());
        assertEquals(result.get("client_refreshes").asLong(), result.get("server_refreshes").asLong(), run.out());
        assertEquals(2, result.get("token_lifetime_s").asLong(), run.out());
        assertEquals("refreshing", result.get("client").asText(), run.out());
    }

    @Test
    void aFixedHeaderNeverRefreshes() throws Exception {
        // The baseline bench/run compares the refreshing client with: the same calls, nothing refreshed.
        // These services' tokens live 2 s: on a busy machine the token may expire before or during
        // the run, and then every call fails with 401; it still never refreshes.
        Run run = clientExpiry("--concurrency", "2", "--warmup", "0", "--seconds", "1", "--fixed-header");
        assertEquals(0, run.exitCode(), run.out());
        JsonNode result = resultOf(run);

        assertEquals("fixed-header", result.get("client").asText(), run.out());
        assertTrue(result.get("calls").asLong() > 0, run.out());
        assertEquals(result.get("client_401s").asLong(), result.get("server_401s").asLong(), run.out());
        assertEquals(0, result.get("client_refreshes").asLong(), run.out());
        assertEquals(0, result.get("server_refreshes").asLong(), run.out());
    }
}
