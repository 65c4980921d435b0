package dev.cards.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SessionTest {

    private static final Issuer ISSUER = Issuer.of(java.net.URI.create("https://auth.example.com"));

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static String jwtExpiringAt(Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    void expiresInDecidesTheExpiry() {
        Session s = Session.from(new IssuedTokens(jwtExpiringAt(NOW.plusSeconds(999)), "r", 60, 0), NOW, null, ISSUER);
        assertEquals(NOW.plusSeconds(60), s.accessExpiresAt());
    }

    @Test
    void withoutExpiresInTheTokensOwnExpIsUsed() {
        Session missing = Session.from(new IssuedTokens(jwtExpiringAt(NOW.plusSeconds(90)), "r", 0, 0), NOW, null, ISSUER);
        assertEquals(NOW.plusSeconds(90), missing.accessExpiresAt());
        Session negative = Session.from(new IssuedTokens(jwtExpiringAt(NOW.plusSeconds(90)), "r", -5, 0), NOW, null, ISSUER);
        assertEquals(NOW.plusSeconds(90), negative.accessExpiresAt());
    }

    @Test
    void anOpaqueTokenWithoutExpiresInIsRefreshedOnlyWhenRejected() {
        Session s = Session.from(new IssuedTokens("opaque", "r", 0, 0), NOW, null, ISSUER);
        assertEquals(Session.UNKNOWN_EXPIRY, s.accessExpiresAt());
    }
}
