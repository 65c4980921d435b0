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

/** {@code mp.jwt.verify.clock.skew=1}: the smallest skew there is, exactly one second. */
@QuarkusTest
@TestProfile(OneSecondClockSkewTest.OneSecond.class)
class OneSecondClockSkewTest {

    public static class OneSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.clock.skew", "1");
        }
    }

    @Test
    void aTokenExpiredTwoSecondsAgoIsRejectedAsExpired() {
        Challenges.bearerThenDpop(as(NoClockSkewTest.expiringIn(TestTokens.newUser(), -2)).get("/cards").then().statusCode(401),
                NoClockSkewTest.EXPIRED);
    }
}
