package dev.cards.http.dpop;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server nonces (RFC 9449 §8, §11.1) that need no storage: a nonce is the number of the current
 * time step and an HMAC of it under a secret every replica shares, so any replica accepts any
 * replica's nonce. A nonce is accepted during its own step and the next one, so a client's nonce
 * stays good for at least one step after it last received one, and a new one is handed out as
 * soon as a step begins (rotation).
 */
public class DpopNonces {

    private static final int STEP_BYTES = Long.BYTES;
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;
    private final Clock clock;
    private final long stepMillis;

    public DpopNonces(byte[] secret, Duration step, Clock clock) {
        if (step.toMillis() < 1000) {
            throw new IllegalStateException("The DPoP nonce step must be at least 1 s");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.stepMillis = step.toMillis();
        this.clock = clock;
    }

    /** The nonce of the current step. */
    public String current() {
        return nonceOf(step());
    }

    /** Whether {@code nonce} was made by a replica with this secret in this step or the previous one. */
    public boolean isFresh(String nonce) {
        if (nonce == null || nonce.length() > 64) {
            return false;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (raw.length != STEP_BYTES + MAC_BYTES) {
            return false;
        }
        long step = ByteBuffer.wrap(raw, 0, STEP_BYTES).getLong();
        long now = step();
        if (step != now && step != now - 1) {
            return false;
        }
        return MessageDigest.isEqual(Arrays.copyOfRange(raw, STEP_BYTES, raw.length), mac(step));
    }

    private long step() {
        return clock.millis() / stepMillis;
    }

    private String nonceOf(long step) {
        ByteBuffer raw = ByteBuffer.allocate(STEP_BYTES + MAC_BYTES);
        raw.putLong(step).put(mac(step));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.array());
    }

    private byte[] mac(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array()), MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
