package dev.cards.bench.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;

class FloodResultTest {

    private static LongAdder count(long n) {
        LongAdder adder = new LongAdder();
        adder.add(n);
        return adder;
    }

    @Test
    void theLineHasBothPhasesAndTheFloodsAnswersByStatusInOrder() {
        Map<Integer, LongAdder> answers = Map.of(429, count(900), 200, count(12), -1, count(3));
        List<Long> before = List.of(2_000_000L, 1_000_000L, 3_000_000L, 4_000_000L);
        List<Long> during = List.of(5_000_000L, 50_000_000L);

        String json = new FloodResult(12, 18, 25, before, during, answers).json();

        assertEquals("{\"addresses\":12,\"connections\":18,\"seconds\":25,"
                + "\"refresh_before\":{\"n\":4,\"p50_ms\":2.00,\"p90_ms\":4.00,\"max_ms\":4.00},"
                + "\"refresh_during\":{\"n\":2,\"p50_ms\":5.00,\"p90_ms\":50.00,\"max_ms\":50.00},"
                + "\"flood_answers\":{\"-1\":3,\"200\":12,\"429\":900}}", json);
    }

    @Test
    void aPhaseWithoutRefreshesReportsZeros() {
        assertEquals("{\"n\":0,\"p50_ms\":0.00,\"p90_ms\":0.00,\"max_ms\":0.00}", FloodResult.stats(List.of()));
    }

    @Test
    void aFloodWithoutAnswersHasAnEmptyObject() {
        String json = new FloodResult(1, 1, 2, List.of(), List.of(), new TreeMap<>()).json();

        assertEquals(true, json.endsWith("\"flood_answers\":{}}"), json);
    }
}
