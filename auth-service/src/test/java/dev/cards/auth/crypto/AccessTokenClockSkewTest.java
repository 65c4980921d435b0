package dev.cards.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * {@code auth.access-token.clock-skew} is how far past its exp an access token presented to
 * /auth/me and /auth/logout-all is still taken, and exactly that: it was a fixed 30 s, so an
 * operator could not make it strict. Tokens are issued 5 minutes before their exp.
 */
class AccessTokenClockSkewTest {

    private static final SigningKeys KEYS = new SigningKeys(TestConfig.with(Map.of("auth.signing-key.generate-if-missing", "true")));

    private final UUID user = UUID.randomUUID();

    private AccessTokens withSkew(String skew) {
        return new AccessTokens(TestConfig.with(Map.of("auth.access-token.clock-skew", skew, "auth.access-token.lifetime", "5M")), KEYS);
    }

    /** A token whose exp was {@code seconds} ago. */
    private String expiredSecondsAgo(AccessTokens tokens, long seconds) {
        return tokens.issue(user, "ada@example.com", "cards-cli", null, Instant.now().minusSeconds(300 + seconds));
    }

    @Test
    void withNoSkewATokenExpiredTwoSecondsAgoIsRefusedAsExpired() {
        AccessTokens tokens = withSkew("0S");
        InvalidAccessTokenException e = assertThrows(InvalidAccessTokenException.class,
                () -> tokens.verify(expiredSecondsAgo(tokens, 2)));
        assertEquals("The access token expired", e.getMessage());
    }

    @Test
    void withNoSkewAValidTokenIsAccepted() {
        AccessTokens tokens = withSkew("0S");
        assertEquals(user, tokens.verify(tokens.issue(user, "ada@example.com", "cards-cli", null, Instant.now())).userId());
    }

    @Test
    void withAOneSecondSkewATokenExpiredTwoSecondsAgoIsRefused() {
        AccessTokens tokens = withSkew("1S");
        assertThrows(InvalidAccessTokenException.class, () -> tokens.verify(expiredSecondsAgo(tokens, 2)));
    }

    @Test
    void withAFiveSecondSkewATokenExpiredTwoSecondsAgoIsAccepted() {
        AccessTokens tokens = withSkew("5S");
        assertEquals(user, tokens.verify(expiredSecondsAgo(tokens, 2)));
    }

    @Test
    void byDefaultATokenIsTakenUpToThirtySecondsPastItsExp() {
        AccessTokens tokens = new AccessTokens(TestConfig.with(Map.of()), KEYS);
        assertEquals(user, tokens.verify(expiredSecondsAgo(tokens, 20)));
        assertThrows(InvalidAccessTokenException.class, () -> tokens.verify(expiredSecondsAgo(tokens, 32)));
    }

    @Test
    void aNegativeSkewStopsStartUp() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> withSkew("-1S"));
        assertEquals("auth.access-token.clock-skew must not be negative", e.getMessage());
    }
}
