package dev.cards.client;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the {@code exp} claim of a JWT access token, unverified: the client only uses it to time its
 * refresh when the token response has no {@code expires_in}. Trust is the services' business.
 */
final class AccessTokenClaims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessTokenClaims() {
    }

    static Optional<Instant> expiry(String accessToken) {
        if (accessToken == null) {
            return Optional.empty();
        }
        String[] parts = accessToken.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode exp = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).get("exp");
            return exp != null && exp.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (Exception notAJwt) {
            return Optional.empty();
        }
    }
}
