package dev.cards.auth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.cards.auth.crypto.TestConfig;
import jakarta.ws.rs.core.Response;

/** Refusals held before they are answered: the delay, its bound by Retry-After, the cap, the edge values. */
class RefusalDelayTest {

    private static final Response REFUSAL = Response.status(429).build();

    private static RefusalDelay with(String delay, String maxHeld) {
        return new RefusalDelay(TestConfig.with(Map.of(
                "auth.login-limit.refusal-delay", delay, "auth.login-limit.max-held-refusals", maxHeld)));
    }

    private static CompletableFuture<Response> answered(RefusalDelay refusals, Duration retryAfter) {
        return refusals.answer(REFUSAL, retryAfter).subscribeAsCompletionStage();
    }

    @Test
    void aRefusalIsHeldForTheDelayThenAnswered() throws Exception {
        long start = System.nanoTime();
        Response answer = answered(with("0.3S", "10"), Duration.ofMinutes(1)).get(10, TimeUnit.SECONDS);
        assertSame(REFUSAL, answer);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
    }

    @Test
    void aRefusalIsNeverHeldPastItsRetryAfter() throws Exception {
        // Held for 1 minute if the delay ruled; the 100 ms Retry-After ends it well inside the 10 s wait.
        assertSame(REFUSAL, answered(with("1M", "10"), Duration.ofMillis(100)).get(10, TimeUnit.SECONDS));
    }

    @Test
    void aDelayOfZeroAnswersAtOnce() {
        assertTrue(answered(with("0S", "10"), Duration.ofMinutes(1)).isDone());
    }

    @Test
    void beyondTheHeldRefusalsOneIsAnsweredAtOnceAndTheCapFreesWhenTheHeldOneLeaves() throws Exception {
        RefusalDelay refusals = with("0.5S", "1");
        CompletableFuture<Response> held = answered(refusals, Duration.ofMinutes(1));
        assertFalse(held.isDone());
        assertTrue(answered(refusals, Duration.ofMinutes(1)).isDone());
        held.get(10, TimeUnit.SECONDS);
        assertFalse(answered(refusals, Duration.ofMinutes(1)).isDone());
    }

    @Test
    void aNegativeDelayIsRefusedAtStartUp() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> with("-1S", "10"));
        assertTrue(e.getMessage().contains("AUTH_LOGIN_LIMIT_REFUSAL_DELAY"), e.getMessage());
    }

    @Test
    void noHeldRefusalsIsRefusedAtStartUp() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> with("1S", "0"));
        assertTrue(e.getMessage().contains("AUTH_LOGIN_LIMIT_MAX_HELD_REFUSALS"), e.getMessage());
    }

    @Test
    void theDefaultsHoldForOneSecondAndAtMost4096() throws Exception {
        RefusalDelay refusals = new RefusalDelay(TestConfig.with(Map.of()));
        assertFalse(answered(refusals, Duration.ofMinutes(1)).isDone());
        assertEquals(Duration.ofSeconds(1), TestConfig.with(Map.of()).loginLimit().refusalDelay());
        assertEquals(4096, TestConfig.with(Map.of()).loginLimit().maxHeldRefusals());
    }
}
