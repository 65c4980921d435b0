package dev.cards.http.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DpopNoncesTest {

    private static final byte[] SECRET = new byte[32];
    private static final Duration STEP = Duration.ofMinutes(5);

    private static DpopNonces at(long millis, byte[] secret) {
        return new DpopNonces(secret, STEP, Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    @Test
    void aNonceIsFreshInItsStepAndTheNextOnlyOnEveryReplicaWithTheSecret() {
        long start = 1_000 * STEP.toMillis();
        String nonce = at(start, SECRET).current();
        assertTrue(at(start + STEP.toMillis() - 1, SECRET).isFresh(nonce));
        assertTrue(at(start + 2 * STEP.toMillis() - 1, SECRET).isFresh(nonce));
        assertFalse(at(start + 2 * STEP.toMillis(), SECRET).isFresh(nonce));
        assertFalse(at(start - 1, SECRET).isFresh(nonce), "a nonce from the future");
        byte[] other = Arrays.copyOf(SECRET, 32);
        other[0] = 1;
        assertFalse(at(start, other).isFresh(nonce), "another deployment's secret");
    }

    @Test
    void theNonceRotatesWithTheStep() {
        long start = 1_000 * STEP.toMillis();
        assertEquals(at(start, SECRET).current(), at(start + STEP.toMillis() - 1, SECRET).current());
        assertNotEquals(at(start, SECRET).current(), at(start + STEP.toMillis(), SECRET).current());
    }

    @Test
    void aTamperedOrMalformedNonceIsNotFresh() {
        DpopNonces nonces = at(1_000 * STEP.toMillis(), SECRET);
        String nonce = nonces.current();
        char last = nonce.charAt(nonce.length() - 1);
        assertFalse(nonces.isFresh(nonce.substring(0, nonce.length() - 1) + (last == 'A' ? 'B' : 'A')));
        for (String bad : new String[] {null, "", "not base64 !", "AAAA", "x".repeat(65)}) {
            assertFalse(nonces.isFresh(bad), String.valueOf(bad));
        }
    }

    @Test
    void aStepBelowOneSecondIsRefused() {
        assertThrows(IllegalStateException.class, () -> new DpopNonces(SECRET, Duration.ofMillis(999), Clock.systemUTC()));
        new DpopNonces(SECRET, Duration.ofSeconds(1), Clock.systemUTC());
    }
}
