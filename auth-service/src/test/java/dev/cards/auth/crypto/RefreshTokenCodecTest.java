package dev.cards.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RefreshTokenCodecTest {

    private final RefreshTokenCodec codec = new RefreshTokenCodec(randomKey());

    private static SuccessorKey randomKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new SuccessorKey(secret);
    }

    @Test
    void aTokenNamesItsSession() {
        UUID session = UUID.randomUUID();
        String token = codec.newToken(session);
        assertTrue(codec.wellFormed(token), token);
        assertEquals(session, codec.sessionOf(token));
    }

    @Test
    void twoTokensOfOneSessionDiffer() {
        UUID session = UUID.randomUUID();
        assertNotEquals(codec.newToken(session), codec.newToken(session));
    }

    @Test
    void theSuccessorKeepsTheSessionAndIsTheSameEveryTime() {
        UUID session = UUID.randomUUID();
        String token = codec.newToken(session);
        String successor = codec.successorOf(token);
        assertNotEquals(token, successor);
        assertEquals(session, codec.sessionOf(successor));
        assertEquals(successor, codec.successorOf(token));
        assertTrue(codec.wellFormed(successor));
    }

    @Test
    void anotherSuccessorKeyDerivesAnotherSuccessor() {
        RefreshTokenCodec other = new RefreshTokenCodec(randomKey());
        String token = codec.newToken(UUID.randomUUID());
        assertNotEquals(codec.successorOf(token), other.successorOf(token));
    }

    @Test
    void theOldShapeAndStrayCharactersAreNotTokens() {
        assertFalse(codec.wellFormed("A".repeat(43)));
        assertFalse(codec.wellFormed("A".repeat(63) + "="));
        assertFalse(codec.wellFormed("A".repeat(65)));
        assertFalse(codec.wellFormed(null));
    }
}
