package dev.cards.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static final long[] ONE_TO_HUNDRED_MS = LongStream.rangeClosed(1, 100).map(ms -> ms * 1000).toArray();

    @Test
    void aPercentileIsTheNearestRankInMilliseconds() {
        assertEquals(50.0, Latencies.percentileMillis(ONE_TO_HUNDRED_MS, 0.50));
        assertEquals(99.0, Latencies.percentileMillis(ONE_TO_HUNDRED_MS, 0.99));
        assertEquals(100.0, Latencies.percentileMillis(ONE_TO_HUNDRED_MS, 1.0));
        assertEquals(1.0, Latencies.percentileMillis(ONE_TO_HUNDRED_MS, 0.0));
    }

    @Test
    void aPercentileBetweenRanksRoundsUpToTheNextValue() {
        long[] four = { 1000, 2000, 3000, 4000 };
        assertEquals(2.0, Latencies.percentileMillis(four, 0.50)); // exactly half: the second value
        assertEquals(3.0, Latencies.percentileMillis(four, 0.51));
        assertEquals(4.0, Latencies.percentileMillis(four, 0.99));
    }

    @Test
    void everyPercentileOfOneValueIsThatValue() {
        assertEquals(1.5, Latencies.percentileMillis(new long[] { 1500 }, 0.5));
        assertEquals(1.5, Latencies.percentileMillis(new long[] { 1500 }, 0.99));
    }

    @Test
    void aPercentileOfNoValuesIsNaN() {
        assertTrue(Double.isNaN(Latencies.percentileMillis(new long[0], 0.5)));
    }

    @Test
    void keepsEveryValueInOrderBeyondItsFirstCapacity() {
        Latencies latencies = new Latencies();
        long[] many = LongStream.range(0, 40_000).toArray();
        for (long v : many) {
            latencies.add(v);
        }
        assertArrayEquals(many, latencies.values());
    }
}
