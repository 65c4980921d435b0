package dev.cards.deck.security;

import static dev.cards.deck.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cards.deck.support.JwksAdmin;
import dev.cards.deck.support.TestKey;
import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** How the service follows the auth-service's key set: rotation, caching, outages. */
@QuarkusTest
class JwksCachingTest {

    private final String user = TestTokens.newUser();

    @AfterEach
    void restoreTheJwks() {
        JwksAdmin.comeUp();
        JwksAdmin.maxAge(null);
        JwksAdmin.publish(TestTokens.primaryKey());
    }

    @Test
    void aTokenWithANewlyPublishedKidTriggersExactlyOneRefetch() {
        as(TestTokens.accessToken(user)).get("/cards").then().statusCode(200); // keys are cached now
        TestKey rotated = TestKey.generate();
        JwksAdmin.publish(TestTokens.primaryKey(), rotated);
        int before = JwksAdmin.fetches();

        as(TestTokens.sign(TestTokens.claims(user), rotated)).get("/cards").then().statusCode(200);

        assertEquals(before + 1, JwksAdmin.fetches(), "one JWKS re-fetch for the unknown kid");
    }

    @Test
    void aKnownKeyNeedsNoFetch() {
        as(TestTokens.accessToken(user)).get("/cards").then().statusCode(200);
        int before = JwksAdmin.fetches();

        as(TestTokens.accessToken(user)).get("/cards").then().statusCode(200);

        assertEquals(before, JwksAdmin.fetches(), "cached keys verify without asking the auth-service");
    }

    @Test
    void aKnownKeyKeepsVerifyingWhileTheAuthServiceIsDown() {
        as(TestTokens.accessToken(user)).get("/cards").then().statusCode(200);
        JwksAdmin.goDown();

        as(TestTokens.accessToken(user)).get("/cards").then().statusCode(200);
    }

    @Test
    void anUnknownKidWhileTheAuthServiceIsDownIsAnInvalidTokenNotAServerError() {
        as(TestTokens.accessToken(user)).get("/cards").then().statusCode(200);
        JwksAdmin.goDown();

        as(TestTokens.sign(TestTokens.claims(user), TestKey.generate())).get("/cards").then().statusCode(401);
        as(TestTokens.accessToken(user)).get("/cards").then().statusCode(200);
    }

    /**
     * The cached key set lives as long as the JWKS answer's max-age says (the auth-service sends
     * 300 s), so a key taken out of the JWKS stops verifying within that time; here 1 s.
     */
    @Test
    void aKeyRemovedFromTheJwksStopsVerifyingOnceItsMaxAgeHasPassed() throws InterruptedException {
        TestKey retired = TestKey.generate();
        JwksAdmin.maxAge(1);
        JwksAdmin.publish(TestTokens.primaryKey(), retired);
        String oldToken = TestTokens.sign(TestTokens.claims(user), retired);
        as(oldToken).get("/cards").then().statusCode(200);

        JwksAdmin.publish(TestTokens.primaryKey());
        Thread.sleep(2_100);

        as(oldToken).get("/cards").then().statusCode(401);
        as(TestTokens.accessToken(user)).get("/cards").then().statusCode(200);
    }
}
