package dev.cards.deck.security;

import dev.cards.testsupport.Challenges;
import static dev.cards.deck.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code mp.jwt.verify.clock.skew=0} means no skew. SmallRye JWT takes 0 as unset and allowed its
 * own 60 s (smallrye-jwt #693): tokens expired 7 s and 40 s earlier were answered 200. The
 * verified-token cache, kept long here, must not carry a token past its exp either.
 */
@QuarkusTest
@TestProfile(NoClockSkewTest.NoSkew.class)
class NoClockSkewTest {

    static final String EXPIRED = "Bearer error=\"invalid_token\", error_description=\"The access token expired\"";

    public static class NoSkew implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.clock.skew", "0", "cards.token-cache.ttl", "60S");
        }
    }

    private final String user = TestTokens.newUser();

    /** A token whose exp is {@code seconds} from now (negative: in the past), in whole seconds as JWTs have them. */
    static String expiringIn(String user, long seconds) {
        return expiringAt(user, Instant.ofEpochSecond(Instant.now().getEpochSecond() + seconds));
    }

    static String expiringAt(String user, Instant exp) {
        return TestTokens.sign(TestTokens.claims(user).issuedAt(exp.minusSeconds(300)).expiresAt(exp), TestTokens.primaryKey());
    }

    @Test
    void aTokenExpiredTwoSecondsAgoIsRejectedAsExpired() {
        Challenges.bearerThenDpop(as(expiringIn(user, -2)).get("/cards").then().statusCode(401), EXPIRED);
    }

    @Test
    void aValidTokenIsAccepted() {
        as(expiringIn(user, 60)).get("/cards").then().statusCode(200);
    }

    @Test
    void aCachedTokenIsRejectedOnceItsExpHasPassed() throws InterruptedException {
        Instant exp = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 3);
        String token = expiringAt(user, exp);
        as(token).get("/cards").then().statusCode(200);
        Thread.sleep(Math.max(0, exp.toEpochMilli() - System.currentTimeMillis()) + 300);
        Challenges.bearerThenDpop(as(token).get("/cards").then().statusCode(401), EXPIRED);
    }
}
