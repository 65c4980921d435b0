package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.assertInvalidGrant;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(SessionLifetimeTest.ShortSessions.class)
class SessionLifetimeTest {

    public static class ShortSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("auth.refresh-token.lifetime", "2S", "auth.session.max-lifetime", "3S");
        }
    }

    @Test
    void anIdleSessionExpires() throws InterruptedException {
        String token = Api.newSession().path("refresh_token");
        Thread.sleep(2_100);
        assertInvalidGrant(Api.refresh(token));
    }

    @Test
    void rotationNeverExtendsTheAbsoluteLifetime() throws InterruptedException {
        String token = Api.newSession().path("refresh_token");
        long absoluteEnd = System.currentTimeMillis() + 3_000; // a little after the server's
        for (int i = 0; i < 3; i++) {
            Thread.sleep(750); // each refresh well inside the 2 s idle lifetime
            var refreshed = Api.refresh(token).then().statusCode(200).extract();
            token = refreshed.path("refresh_token");
            int left = refreshed.path("refresh_expires_in");
            long leftAtMost = (absoluteEnd - System.currentTimeMillis() + 999) / 1000 + 1;
            assertTrue(left <= Math.min(2, leftAtMost), "refresh_expires_in " + left + ", at most " + leftAtMost);
        }
        Thread.sleep(Math.max(0, absoluteEnd - System.currentTimeMillis()) + 100);
        assertInvalidGrant(Api.refresh(token));
    }
}
