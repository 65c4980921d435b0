package dev.cards.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cards.auth.config.AuthConfig;

/** The successor key from a configured secret: independent of the signing key, and never weak. */
class SuccessorKeyTest {

    private static final String SECRET = "d2VsbC1rZXB0LXNlY3JldC1vZi0zMi1ieXRlcy0hIQ";

    @Test
    void replicasWithTheSameSecretButDifferentSigningKeysDeriveTheSameSuccessor() {
        AuthConfig config = TestConfig.with(Map.of("auth.refresh-token.successor-secret", SECRET,
                "auth.signing-key.generate-if-missing", "true"));
        SigningKeys oldKey = new SigningKeys(config);
        SigningKeys newKey = new SigningKeys(config);
        assertNotEquals(oldKey.signingKeyId(), newKey.signingKeyId(), "two signing keys");
        RefreshTokenCodec oldReplica = new RefreshTokenCodec(new SuccessorKey(config, null));
        RefreshTokenCodec newReplica = new RefreshTokenCodec(new SuccessorKey(config, null));
        String token = oldReplica.newToken(UUID.randomUUID());
        assertEquals(oldReplica.successorOf(token), newReplica.successorOf(token));
    }

    @Test
    void aConfiguredSecretShorterThan32CharactersIsRefusedAtStartUp() {
        AuthConfig config = TestConfig.with(Map.of("auth.refresh-token.successor-secret", "x".repeat(31)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SuccessorKey(config, null));
        assertTrue(e.getMessage().contains("AUTH_REFRESH_TOKEN_SUCCESSOR_SECRET"), e.getMessage());
        new SuccessorKey(TestConfig.with(Map.of("auth.refresh-token.successor-secret", "x".repeat(32))), null);
    }
}
