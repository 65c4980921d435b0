package dev.cards.bench;

import java.util.Arrays;

/**
 * One worker's latencies in a closed loop, in microseconds: only its own thread adds to them, and
 * they are read once it has ended. Also the percentile every command reports.
 */
public final class Latencies {

    private long[] values = new long[1 << 14];
    private int size;

    public void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    public long[] values() {
        return Arrays.copyOf(values, size);
    }

    /**
     * The nearest-rank percentile of sorted latencies in microseconds, in milliseconds: the
     * smallest value with at least {@code q} of all values at or below it. NaN when there are none.
     */
    public static double percentileMillis(long[] sortedMicros, double q) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, i)] / 1000.0;
    }
}
