package dev.cards.deck.security;

import dev.cards.testsupport.Challenges;
import static dev.cards.deck.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@code mp.jwt.verify.clock.skew=5}: a token is taken up to 5 s past its exp, not longer. */
@QuarkusTest
@TestProfile(FiveSecondClockSkewTest.FiveSeconds.class)
class FiveSecondClockSkewTest {

    public static class FiveSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.clock.skew", "5");
        }
    }

    @Test
    void aTokenExpiredTwoSecondsAgoIsAccepted() {
        as(NoClockSkewTest.expiringIn(TestTokens.newUser(), -2)).get("/cards").then().statusCode(200);
    }

    @Test
    void aTokenExpiredSevenSecondsAgoIsRejectedAsExpired() {
        Challenges.bearerThenDpop(as(NoClockSkewTest.expiringIn(TestTokens.newUser(), -7)).get("/cards").then().statusCode(401),
                NoClockSkewTest.EXPIRED);
    }
}
