package dev.cards.auth.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opaque refresh tokens: the 16-byte session id followed by 256 random bits, base64url (RFC 6749
 * §10.10: unguessable). Carrying the session id lets a refresh find its session by primary key in
 * one statement; the secret part is what proves possession. Only the token's SHA-256 is stored, so
 * a database leak yields no usable token.
 */
@ApplicationScoped
public class RefreshTokenCodec {

    private static final int SESSION_BYTES = 16;
    private static final int SECRET_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{64}");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec successorKey;

    public RefreshTokenCodec(SuccessorKey key) {
        this.successorKey = key.key();
    }

    /** A fresh token for a session. */
    public String newToken(UUID session) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return encode(session, secret);
    }

    /**
     * The token that replaces {@code token} on rotation: same session, and as secret part the
     * HMAC-SHA256 of the token under a key only the service holds ({@link SuccessorKey}), so it is as
     * unguessable as a random one, yet every replica derives the same successor, whichever signing
     * key it has. That lets a refresh inside the reuse grace return the successor already issued
     * instead of creating a second live one.
     */
    public String successorOf(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(successorKey);
            return encode(sessionOf(token), mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The session a well-formed token names (whether or not it exists). */
    public UUID sessionOf(String token) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    /** False for anything that cannot be a token we issued, so it never reaches the database. */
    public boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    public String hash(String token) {
        try {
            return B64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(UUID session, byte[] secret) {
        ByteBuffer bytes = ByteBuffer.allocate(SESSION_BYTES + SECRET_BYTES)
                .putLong(session.getMostSignificantBits())
                .putLong(session.getLeastSignificantBits())
                .put(secret);
        String token = B64URL.encodeToString(bytes.array());
        Arrays.fill(secret, (byte) 0);
        return token;
    }
}
