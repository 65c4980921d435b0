package dev.cards.deck.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.keys.HmacKey;

/**
 * Takes a valid token apart and changes exactly one thing, for the negative tests. Built with
 * jose4j directly because a well-behaved token builder refuses to make most of these.
 */
public final class ForgedTokens {

    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** Flips one character in the middle of the signature (not the last one, whose low bits may be padding). */
    public static String withTamperedSignature(String token) {
        String[] parts = token.split("\\.");
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        return parts[0] + "." + parts[1] + "." + new String(signature);
    }

    /** Replaces the subject in the payload and keeps the original signature. */
    public static String withTamperedPayload(String token, String newSubject) {
        String[] parts = token.split("\\.");
        String payload = new String(DECODE.decode(parts[1]), StandardCharsets.UTF_8);
        String subject = payload.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
        String forged = payload.replace("\"sub\":\"" + subject + "\"", "\"sub\":\"" + newSubject + "\"");
        return parts[0] + "." + ENCODE.encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** The same claims and kid, "alg":"none" and no signature (RFC 8725 §2.1). */
    public static String unsigned(String token, String kid) throws Exception {
        JsonWebSignature jws = sameClaims(token, kid, AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return jws.getCompactSerialization();
    }

    /**
     * The same claims and kid, HS256-signed with the public key's encoded bytes as the HMAC
     * secret: the algorithm-confusion attack (RFC 8725 §2.1) on verifiers that trust "alg".
     */
    public static String hmacWithPublicKey(String token, TestKey key) throws Exception {
        JsonWebSignature jws = sameClaims(token, key.kid(), AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(key.publicKey().getEncoded()));
        return jws.getCompactSerialization();
    }

    private static JsonWebSignature sameClaims(String token, String kid, String algorithm) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(new String(DECODE.decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "at+jwt");
        return jws;
    }
}
