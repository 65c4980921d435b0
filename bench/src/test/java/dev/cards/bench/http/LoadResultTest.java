package dev.cards.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LoadResultTest {

    private static final long[] FOUR_CALLS = { 1000, 2000, 3000, 4000 };

    @Test
    void theLineHasTheRunsFiguresThenEachWatchedTreesCpuPerCoreAndPerOperation() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("server", 1.0);
        cpu.put("loadgen", 0.5);

        String json = new LoadResult("refresh", 8, Duration.ofSeconds(2), FOUR_CALLS, 1, cpu).json();

        assertEquals("{\"scenario\":\"refresh\",\"concurrency\":8,\"seconds\":2.0,\"requests\":4,\"errors\":1,"
                + "\"ops_per_s\":2.0,\"p50_ms\":2.00,\"p99_ms\":4.00,"
                + "\"cpu_pct_server\":50.0,\"cpu_ms_per_op_server\":250.000,"
                + "\"cpu_pct_loadgen\":25.0,\"cpu_ms_per_op_loadgen\":125.000}", json);
    }

    @Test
    void withoutAWatchTheLineEndsAfterTheLatencies() {
        String json = new LoadResult("login", 4, Duration.ofSeconds(1), FOUR_CALLS, 0, Map.of()).json();

        assertTrue(json.endsWith("\"p99_ms\":4.00}"), json);
    }

    @Test
    void aRunWithoutASuccessfulCallHasNoLatencies() {
        String json = new LoadResult("login", 4, Duration.ofSeconds(1), new long[0], 9, Map.of("server", 0.2)).json();

        assertTrue(json.contains("\"requests\":0,\"errors\":9,\"ops_per_s\":0.0,\"p50_ms\":NaN"), json);
        assertTrue(json.contains("\"cpu_ms_per_op_server\":NaN"), json);
    }
}
