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
@TestProfile(RotationGraceTest.WithGrace.class)
class RotationGraceTest {

    public static class WithGrace extends ClockedProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("auth.refresh-token.reuse-grace", "30S");
        }
    }

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void previousTokenWithinTheGraceGetsTheSameSuccessor() {
        String first = Api.newSession().path("refresh_token");
        String second = Api.refreshed(first);
        assertEquals(second, Api.refreshed(first), "no second live successor");
        Api.refreshed(second);
    }

    @Test
    void previousTokenAfterTheGraceRevokesTheSession() {
        String first = Api.newSession().path("refresh_token");
        String second = Api.refreshed(first);
        TestClock.advance(Duration.ofSeconds(31));
        assertInvalidGrant(Api.refresh(first));
        assertInvalidGrant(Api.refresh(second));
    }

    @Test
    void theGraceCoversOnlyTheImmediatelyPreviousToken() {
        String first = Api.newSession().path("refresh_token");
        String second = Api.refreshed(first);
        Api.refreshed(second);
        assertInvalidGrant(Api.refresh(first));
    }
}
