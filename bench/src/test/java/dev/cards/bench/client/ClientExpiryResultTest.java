package dev.cards.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ClientExpiryResultTest {

    private static final ClosedLoop.Outcome OUTCOME = new ClosedLoop.Outcome(new long[] { 500, 1500 }, 3, 1,
            new IllegalStateException("x"));

    @Test
    void theLineHasLoadsFieldsFirstThenTheCountsOfClientAndServices() {
        String json = new ClientExpiryResult(16, Duration.ofSeconds(2), OUTCOME, 4, 2, new ServerCounts(4.0, 2.0),
                Duration.ofSeconds(5), true, false).json();

        assertEquals("{\"scenario\":\"client-expiry\",\"concurrency\":16,\"seconds\":2.0,\"requests\":2,\"errors\":1,"
                + "\"ops_per_s\":1.0,\"p50_ms\":0.50,\"p99_ms\":1.50,"
                + "\"calls\":3,\"caller_failures\":1,\"client_401s\":4,\"client_refreshes\":2,"
                + "\"server_401s\":4,\"server_refreshes\":2,\"token_lifetime_s\":5,\"proactive_refresh\":true,"
                + "\"client\":\"refreshing\"}", json);
    }

    @Test
    void aCountOfAnUnreadableMetricsPageIsNullNotZero() {
        String json = new ClientExpiryResult(1, Duration.ofSeconds(1), OUTCOME, 0, 0,
                new ServerCounts(Double.NaN, 7.0), Duration.ofMinutes(5), false, true).json();

        assertTrue(json.contains("\"server_401s\":null,\"server_refreshes\":7"), json);
        assertTrue(json.contains("\"proactive_refresh\":false,\"client\":\"fixed-header\""), json);
    }
}
