package dev.cards.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CpuWatchTest {

    /** pid → {CPU ticks, parent pid}: 10 has a child 11 and a grandchild 12; 20 is another tree. */
    private static final Map<Long, long[]> PROCESSES = Map.of(
            10L, new long[] { 100, 1 },
            11L, new long[] { 30, 10 },
            12L, new long[] { 5, 11 },
            20L, new long[] { 7, 1 });

    @Test
    void watchesNamedPidsInTheOrderGiven() {
        Map<String, Long> roots = CpuWatch.parse("server=10,pg=20");

        assertEquals(List.of("server", "pg"), List.copyOf(roots.keySet()));
        assertEquals(10L, roots.get("server"));
        assertEquals(20L, roots.get("pg"));
    }

    @Test
    void anEmptyWatchWatchesNothing() {
        assertTrue(CpuWatch.parse("").isEmpty());
    }

    @Test
    void aPairWithoutANumericPidIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CpuWatch.parse("server="));
        assertThrows(IllegalArgumentException.class, () -> CpuWatch.parse("server=abc"));
        assertThrows(IllegalArgumentException.class, () -> CpuWatch.parse("server"));
        assertThrows(IllegalArgumentException.class, () -> CpuWatch.parse("=10"));
    }

    @Test
    void aTreeHoldsTheRootAndEveryDescendant() {
        assertEquals(Set.of(10L, 11L, 12L), CpuWatch.descendants(PROCESSES, 10));
        assertEquals(Set.of(20L), CpuWatch.descendants(PROCESSES, 20));
    }

    @Test
    void aTreesTicksAddUpAndAGoneProcessCountsNothing() {
        assertEquals(135, CpuWatch.ticks(PROCESSES, Set.of(10L, 11L, 12L)));
        assertEquals(7, CpuWatch.ticks(PROCESSES, Set.of(20L, 99L)));
    }
}
