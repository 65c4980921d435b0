package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.assertInvalidGrant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Without rotation a refresh only reads the session until its idle end falls a renewal step behind
 * (60 s here, a tenth of the 10-minute lifetime would be more): the idle lifetime still restarts,
 * within one step, and revocation still ends the session at once.
 */
@QuarkusTest
@TestProfile(RotationOffIdleLifetimeTest.NoRotationShortSessions.class)
class RotationOffIdleLifetimeTest {

    public static class NoRotationShortSessions extends ClockedProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("auth.refresh-token.rotation", "false", "auth.refresh-token.lifetime", "10M",
                    "auth.session.max-lifetime", "60M");
        }
    }

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void refreshesWithinAStepReportTheStoredIdleEnd() {
        String token = Api.newSession().path("refresh_token");
        TestClock.advance(Duration.ofSeconds(40));
        // Not written: the stored end (login + 10 min) is 40 s short of now + 10 min, less than a step.
        assertEquals(600 - 40, refreshExpiresIn(token), 1);
        TestClock.advance(Duration.ofSeconds(30));
        // 70 s short: written, a full idle lifetime again.
        assertEquals(600, refreshExpiresIn(token), 1);
    }

    @Test
    void aSessionInUseOutlivesItsIdleLifetime() {
        String token = Api.newSession().path("refresh_token");
        for (int i = 0; i < 6; i++) {
            TestClock.advance(Duration.ofMinutes(4));
            assertEquals(token, Api.refreshed(token));
        }
    }

    @Test
    void anIdleSessionExpiresAtTheLatestItsLifetimeAfterTheLastRefresh() {
        String token = Api.newSession().path("refresh_token");
        TestClock.advance(Duration.ofSeconds(50));
        Api.refreshed(token); // a read: the idle end stays login + 10 min
        TestClock.advance(Duration.ofMinutes(9).plusSeconds(11));
        assertInvalidGrant(Api.refresh(token));
    }

    @Test
    void aLoggedOutSessionIsRefusedOnTheReadPath() {
        String token = Api.newSession().path("refresh_token");
        Api.refreshed(token);
        Api.api().contentType(ContentType.JSON).body(Map.of("refresh_token", token)).post("/auth/logout")
                .then().statusCode(204);
        assertInvalidGrant(Api.refresh(token));
    }

    private static int refreshExpiresIn(String token) {
        return Api.refresh(token).then().statusCode(200).extract().path("refresh_expires_in");
    }
}
