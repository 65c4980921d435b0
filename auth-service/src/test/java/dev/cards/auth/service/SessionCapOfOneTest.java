package dev.cards.auth.service;

import static dev.cards.auth.rest.Api.assertInvalidGrant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cards.auth.rest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The edge value 1 of auth.session.max-per-account: each login ends the account's previous session. */
@QuarkusTest
@TestProfile(SessionCapOfOneTest.OnePerAccount.class)
class SessionCapOfOneTest {

    public static class OnePerAccount implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("auth.session.max-per-account", "1");
        }
    }

    @Test
    void aSecondLoginEndsTheFirstSession() {
        String email = Api.newEmail();
        UUID user = UUID.fromString(Api.signUp(email));
        String first = Api.logIn(email).path("refresh_token");
        String second = Api.logIn(email).path("refresh_token");
        assertInvalidGrant(Api.refresh(first));
        Api.refreshed(second);
        assertEquals(1, SessionCapTest.liveSessionsOf(user));
    }

    @Test
    void anotherAccountsLoginEndsNothing() {
        String email = Api.newEmail();
        Api.signUp(email);
        String mine = Api.logIn(email).path("refresh_token");
        Api.newSession();
        Api.refreshed(mine);
    }
}
