package dev.cards.client.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * One run of {@code cards load} as one JSON line: the fields of bench/Bench.java's result first
 * (so bench/run and bench/Report.java treat it like the other scenarios), then the counts.
 * {@code requests}/{@code ops_per_s}/latencies are successful calls ended within the measured
 * period, as in Bench; {@code errors} repeats {@code caller_failures} for that shape.
 */
record LoadResult(int concurrency, Duration measured, ClosedLoop.Outcome outcome, long clientRejections,
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
                percentile(latencies, 0.50), percentile(latencies, 0.99),
                outcome.calls(), outcome.failures(), clientRejections, clientRefreshes,
                count(server.rejections()), count(server.refreshes()), tokenLifetime.toSeconds(), proactiveRefresh,
                fixedHeader ? "fixed-header" : "refreshing");
    }

    /** Counters are whole numbers; an unreadable one is null rather than a made-up 0. */
    private static String count(double value) {
        return Double.isNaN(value) ? "null" : String.valueOf(Math.round(value));
    }

    private static double percentile(long[] sortedMicros, double q) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, i)] / 1000.0;
    }
}
