package dev.cards.bench.flood;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import dev.cards.bench.Latencies;

/**
 * One login flood as one JSON line: its size, the legitimate user's refresh latencies before and
 * during it (count, p50, p90 and max in ms; 0 when there were none) and the flood's answers by
 * HTTP status, -1 for a refused or reset connection.
 */
record FloodResult(int addresses, int connections, int seconds, List<Long> beforeNanos, List<Long> duringNanos,
        Map<Integer, LongAdder> answers) {

    String json() {
        StringBuilder byStatus = new StringBuilder();
        answers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> byStatus
                .append(byStatus.length() == 0 ? "" : ",").append('"').append(e.getKey()).append("\":").append(e.getValue().sum()));
        return String.format(Locale.ROOT, "{\"addresses\":%d,\"connections\":%d,\"seconds\":%d,"
                + "\"refresh_before\":%s,\"refresh_during\":%s,\"flood_answers\":{%s}}",
                addresses, connections, seconds, stats(beforeNanos), stats(duringNanos), byStatus);
    }

    static String stats(List<Long> nanos) {
        long[] micros = nanos.stream().mapToLong(n -> n / 1_000).sorted().toArray();
        return String.format(Locale.ROOT, "{\"n\":%d,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"max_ms\":%.2f}", micros.length,
                ms(micros, 0.5), ms(micros, 0.9), ms(micros, 1.0));
    }

    private static double ms(long[] sortedMicros, double q) {
        return sortedMicros.length == 0 ? 0 : Latencies.percentileMillis(sortedMicros, q);
    }
}
