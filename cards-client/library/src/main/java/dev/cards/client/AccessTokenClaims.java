package dev.cards.client;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads claims of a JWT access token, unverified: {@code exp} to time the refresh when the token
 * response has no {@code expires_in}, {@code sid} to tell the session's own entry in the list of
 * sessions. Trust is the services' business.
 */
final class AccessTokenClaims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessTokenClaims() {
    }

    static Optional<Instant> expiry(String accessToken) {
        return claim(accessToken, "exp").filter(JsonNode::canConvertToLong).map(exp -> Instant.ofEpochSecond(exp.asLong()));
    }

    /**
     * The {@code sid} claim: the public id of the session the token belongs to, as the auth-service
     * lists it ({@code GET /auth/sessions}).
     */
    static Optional<String> sessionId(String accessToken) {
        return claim(accessToken, "sid").filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    private static Optional<JsonNode> claim(String accessToken, String name) {
        if (accessToken == null) {
            return Optional.empty();
        }
        String[] parts = accessToken.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).get(name));
        } catch (Exception notAJwt) {
            return Optional.empty();
        }
    }
}
