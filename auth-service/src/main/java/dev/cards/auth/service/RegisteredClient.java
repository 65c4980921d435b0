package dev.cards.auth.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import dev.cards.auth.config.OAuthConfig;

/** One client of the registry: public, or confidential with the SHA-256 of its secret; its DPoP policy. */
public record RegisteredClient(String id, boolean confidential, byte[] secretSha256, Set<String> grantTypes,
        List<String> allowedOrigins, OAuthConfig.DpopPolicy dpop) {

    public boolean allows(String grantType) {
        return grantTypes.contains(grantType);
    }

    /** Compares hashes in constant time, so the answer's timing tells nothing about the secret. */
    public boolean secretMatches(String secret) {
        return confidential && MessageDigest.isEqual(secretSha256, sha256(secret));
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] parseHash(String clientId, String hex) {
        try {
            byte[] hash = HexFormat.of().parseHex(hex.strip());
            if (hash.length == 32) {
                return hash;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new IllegalStateException("auth.oauth.clients." + clientId + ".secret-sha256 is not a hex SHA-256 (64 hex digits)");
    }
}
