package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.assertInvalidGrant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RotationGraceTest.WithGrace.class)
class RotationGraceTest {

    public static class WithGrace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("auth.refresh-token.reuse-grace", "2S");
        }
    }

    @Test
    void previousTokenWithinTheGraceGetsTheSameSuccessor() {
        String first = Api.newSession().path("refresh_token");
        String second = Api.refreshed(first);
        assertEquals(second, Api.refreshed(first), "no second live successor");
        Api.refreshed(second);
    }

    @Test
    void previousTokenAfterTheGraceRevokesTheSession() throws InterruptedException {
        String first = Api.newSession().path("refresh_token");
        String second = Api.refreshed(first);
        Thread.sleep(2_100);
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
