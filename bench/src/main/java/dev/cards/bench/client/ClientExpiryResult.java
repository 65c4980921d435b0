package dev.cards.bench.client;

import java.time.Duration;
import java.util.Locale;

import dev.cards.bench.Latencies;

/**
 * One run of {@code cards-bench client-expiry} as one JSON line: the fields of
 * {@code cards-bench load}'s result first (so bench/run and the report treat it like the other
 * scenarios), then the counts. {@code requests}/{@code ops_per_s}/latencies are successful calls
 * ended within the measured period, as in {@code load}; {@code errors} repeats
 * {@code caller_failures} for that shape.
 */
record ClientExpiryResult(int concurrency, Duration measured, ClosedLoop.Outcome outcome, long clientRejections,
        long clientRefreshes, ServerCounts server, Duration tokenLifetime, boolean proactiveRefresh, boolean fixedHeader) {

    static final String SCENARIO = "client-expiry";

    String json() {
        double seconds = measured.toMillis() / 1000.0;
        long[] latencies = outcome.latenciesMicros();
        return String.format(Locale.ROOT,
                "{\"scenario\":\"%s\",\"concurrency\":%d,\"seconds\":%.1f,\"requests\":%d,\"errors\":%d,"
                        + "\"ops_per_s\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,"
                        + "\"calls\":%d,\"caller_failures\":%d,\"client_401s\":%d,\"client_refreshes\":%d,"
                        + "\"server_401s\":%s,\"server_refreshes\":%s,\"token_lifetime_s\":%d,\"proactive_refresh\":%b,\"client\":\"%s\"}",
                SCENARIO, concurrency, seconds, latencies.length, outcome.failures(), latencies.length / seconds,
                Latencies.percentileMillis(latencies, 0.50), Latencies.percentileMillis(latencies, 0.99),
                outcome.calls(), outcome.failures(), clientRejections, clientRefreshes,
                count(server.rejections()), count(server.refreshes()), tokenLifetime.toSeconds(), proactiveRefresh,
                fixedHeader ? "fixed-header" : "refreshing");
    }

    /** Counters are whole numbers; an unreadable one is null rather than a made-up 0. */
    private static String count(double value) {
        return Double.isNaN(value) ? "null" : String.valueOf(Math.round(value));
    }
}
