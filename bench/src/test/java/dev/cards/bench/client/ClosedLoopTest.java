package dev.cards.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ClosedLoopTest {

    private final ClosedLoop loop = new ClosedLoop(4, Duration.ofMillis(200), Duration.ofMillis(300));
    private final AtomicBoolean measuring = new AtomicBoolean();

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void countsTheCallsAndFailuresOfTheMeasuredPeriodAndNoneOfTheWarmup() throws Exception {
        AtomicLong measuredCalls = new AtomicLong();
        AtomicLong measuredFailures = new AtomicLong();
        ClosedLoop.Outcome outcome = loop.run(() -> {
            pause();
            if (!measuring.get()) {
                throw new IllegalStateException("warm-up failure");
            }
            if (measuredCalls.incrementAndGet() % 3 == 0) {
                measuredFailures.incrementAndGet();
                throw new IllegalStateException("measured failure");
            }
        }, () -> measuring.set(true));

        assertTrue(measuredCalls.get() > 0);
        assertEquals(measuredCalls.get(), outcome.calls());
        assertEquals(measuredFailures.get(), outcome.failures());
        assertEquals("measured failure", outcome.firstFailure().getMessage());
        assertTrue(outcome.latenciesMicros().length <= outcome.calls() - outcome.failures());
    }

    @Test
    void theMeasuredPeriodStartsWithNoCallInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger inFlightAtStart = new AtomicInteger(-1);
        loop.run(() -> {
            inFlight.incrementAndGet();
            pause();
            inFlight.decrementAndGet();
        }, () -> inFlightAtStart.set(inFlight.get()));

        assertEquals(0, inFlightAtStart.get());
    }
}
