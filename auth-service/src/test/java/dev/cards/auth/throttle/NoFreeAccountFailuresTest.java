package dev.cards.auth.throttle;

import static dev.cards.auth.rest.Api.PASSWORD;
import static dev.cards.auth.rest.Api.newEmail;
import static dev.cards.auth.throttle.AccountThrottleTest.attacker;
import static dev.cards.auth.throttle.Throttling.WRONG;
import static dev.cards.auth.throttle.Throttling.login;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.auth.rest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The per-account settings at 0: no free failures, and no address remembered. */
@QuarkusTest
@TestProfile(NoFreeAccountFailuresTest.Zero.class)
class NoFreeAccountFailuresTest {

    public static class Zero extends ThrottleProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("auth.login-throttle.account-max-failures", "0");
            config.put("auth.login-throttle.known-address-lifetime", "0S");
            return config;
        }
    }

    @BeforeEach
    void noCounts() {
        Throttling.forgetAllCounts();
    }

    @Test
    void withNoFreeFailuresEachNewAddressWaitsForTheLastAttempt() {
        String email = newEmail();
        Api.signUp(email);
        login(attacker(0), email, WRONG).then().statusCode(401);
        login(attacker(1), email, WRONG).then().statusCode(429);
    }

    @Test
    void withAZeroLifetimeNoAddressIsKnown() {
        String email = newEmail();
        Api.signUp(email);
        login(AccountThrottleTest.KNOWN, email, PASSWORD).then().statusCode(200);
        login(AccountThrottleTest.KNOWN, email, PASSWORD).then().statusCode(429);
    }
}
