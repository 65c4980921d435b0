package dev.cards.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

class ServerCountsTest {

    @Test
    void theIncreaseIsTheDifferenceOfBothCounts() {
        ServerCounts increase = new ServerCounts(50, 12).since(new ServerCounts(48, 9));

        assertEquals(new ServerCounts(2, 3), increase);
        assertTrue(increase.complete());
    }

    @Test
    void aCountUnreadableAtEitherEndMakesTheIncreaseIncomplete() {
        assertFalse(new ServerCounts(50, 12).since(new ServerCounts(Double.NaN, 9)).complete());
        assertFalse(new ServerCounts(50, Double.NaN).since(new ServerCounts(48, 9)).complete());
    }

    @Test
    void servicesWhoseMetricsCannotBeReachedCountNaN() {
        // Port 9 (discard): nothing listens there, and its management port 1009 neither.
        ServerCounts counts = ServerCounts.read(URI.create("http://127.0.0.1:9"), URI.create("http://127.0.0.1:9"));

        assertTrue(Double.isNaN(counts.rejections()));
        assertTrue(Double.isNaN(counts.refreshes()));
    }
}
