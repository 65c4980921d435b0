package dev.cards.bench.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import dev.cards.bench.Latencies;

/**
 * One run of {@code cards-bench load} as one JSON line: scenario, concurrency, requests, errors,
 * ops/s, p50 and p99 in ms, then for each watched process tree (and the load generator) its CPU as
 * % of one core and in ms per operation over the measured period.
 */
record LoadResult(String scenario, int concurrency, Duration measured, long[] latenciesMicros, long errors,
        Map<String, Double> cpuSeconds) {

    String json() {
        double seconds = measured.toMillis() / 1000.0;
        StringBuilder cpu = new StringBuilder();
        cpuSeconds.forEach((name, s) -> cpu.append(String.format(Locale.ROOT,
                ",\"cpu_pct_%s\":%.1f,\"cpu_ms_per_op_%s\":%.3f", name, s / seconds * 100, name,
                latenciesMicros.length == 0 ? Double.NaN : s * 1000 / latenciesMicros.length)));
        return String.format(Locale.ROOT,
                "{\"scenario\":\"%s\",\"concurrency\":%d,\"seconds\":%.1f,\"requests\":%d,\"errors\":%d,"
                        + "\"ops_per_s\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f%s}",
                scenario, concurrency, seconds, latenciesMicros.length, errors, latenciesMicros.length / seconds,
                Latencies.percentileMillis(latenciesMicros, 0.50), Latencies.percentileMillis(latenciesMicros, 0.99), cpu);
    }
}
