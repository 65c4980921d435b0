package dev.cards.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opaque refresh tokens: 256 bits, base64url (RFC 6749 §10.10: unguessable). Only their SHA-256
 * is stored, so a database leak yields no usable token.
 */
@ApplicationScoped
public class RefreshTokenCodec {

    private static final int TOKEN_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec successorKey;

    public RefreshTokenCodec(SigningKeys keys) {
        this.successorKey = new SecretKeySpec(keys.derivationSecret(), "HmacSHA256");
    }

    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return B64URL.encodeToString(bytes);
    }

    /**
     * The token that replaces {@code token} on rotation: HMAC-SHA256 under a key only the service
     * holds, so it is as unguessable as a random one, yet every replica derives the same successor.
     * That lets a refresh inside the reuse grace return the successor already issued instead of
     * creating a second live one.
     */
    public String successorOf(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(successorKey);
            return B64URL.encodeToString(mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
}
