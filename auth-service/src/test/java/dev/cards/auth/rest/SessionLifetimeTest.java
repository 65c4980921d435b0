package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.assertInvalidGrant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(SessionLifetimeTest.ShortSessions.class)
class SessionLifetimeTest {

    public static class ShortSessions extends ClockedProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("auth.refresh-token.lifetime", "10M", "auth.session.max-lifetime", "25M");
        }
    }

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void anIdleSessionExpires() {
        String token = Api.newSession().path("refresh_token");
        TestClock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertInvalidGrant(Api.refresh(token));
    }

    @Test
    void eachRefreshRestartsTheIdleLifetime() {
        String token = Api.newSession().path("refresh_token");
        for (int i = 0; i < 2; i++) {
            TestClock.advance(Duration.ofMinutes(9));
            token = Api.refreshed(token);
        }
    }

    @Test
    void rotationNeverExtendsTheAbsoluteLifetime() {
        String token = Api.newSession().path("refresh_token");
        for (int minute : new int[] {9, 18}) {
            TestClock.advance(Duration.ofMinutes(9));
            var refreshed = Api.refresh(token).then().statusCode(200).extract();
            token = refreshed.path("refresh_token");
            int left = refreshed.path("refresh_expires_in");
            long expected = Math.min(600, (25 - minute) * 60L);
            assertEquals(expected, left, 2, "refresh_expires_in after " + minute + " minutes");
            // The cookie says the same.
            assertEquals(true, refreshed.header("Set-Cookie").contains("Max-Age=" + left), refreshed.header("Set-Cookie"));
        }
        TestClock.advance(Duration.ofMinutes(7).plusSeconds(1)); // 25 min + 1 s after login
        assertInvalidGrant(Api.refresh(token));
    }
}
