package dev.cards.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.spec.SecretKeySpec;

import dev.cards.auth.config.AuthConfig;
import dev.cards.auth.persistence.ServiceSecrets;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The HMAC key successor refresh tokens are derived with ({@link RefreshTokenCodec#successorOf}).
 * It is independent of the signing key, so replicas in the middle of a rolling key change still
 * derive the same successor, and a retry within the reuse grace is not taken for reuse. It is
 * {@code auth.refresh-token.successor-secret} when configured, else 32 random bytes generated once
 * and kept in the database ({@link ServiceSecrets}), which every replica reads.
 */
// Eager: a configured secret that is too short must stop start-up, not the first login.
@Startup
@ApplicationScoped
public class SuccessorKey {

    static final String SECRET_NAME = "refresh-token-successor";
    /** A configured secret shorter than this is refused: it must be as hard to guess as a random key. */
    static final int MIN_CONFIGURED_LENGTH = 32;

    private final SecretKeySpec key;

    @Inject
    public SuccessorKey(AuthConfig config, ServiceSecrets secrets) {
        this(config.refreshToken().successorSecret().map(SuccessorKey::fromConfigured)
                .orElseGet(() -> secrets.getOrCreate(SECRET_NAME)));
    }

    SuccessorKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The HMAC-SHA256 key. */
    public SecretKeySpec key() {
        return key;
    }

    private static byte[] fromConfigured(String secret) {
        if (secret.length() < MIN_CONFIGURED_LENGTH) {
            throw new IllegalStateException("auth.refresh-token.successor-secret (AUTH_REFRESH_TOKEN_SUCCESSOR_SECRET) has "
                    + secret.length() + " characters; it needs at least " + MIN_CONFIGURED_LENGTH
                    + " random ones (openssl rand -base64 32), or leave it unset to keep a generated one in the database");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("cards refresh-token successor key".getBytes(StandardCharsets.UTF_8));
            return sha256.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
