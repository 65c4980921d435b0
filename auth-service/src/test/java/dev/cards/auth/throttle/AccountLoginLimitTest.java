package dev.cards.auth.throttle;

import static dev.cards.auth.rest.Api.PASSWORD;
import static dev.cards.auth.rest.Api.newEmail;
import static dev.cards.auth.throttle.Throttling.WRONG;
import static dev.cards.auth.throttle.Throttling.login;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.auth.crypto.TestConfig;
import dev.cards.auth.rest.Api;
import dev.cards.auth.rest.ClockedProfile;
import dev.cards.auth.rest.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Successful logins are limited per account, over every client address (and replica): a flood of
 * correct logins costs one counter read each, not a hash and a session. The edge value 1: one
 * success per window. Only correct passwords count, so a stranger cannot use the limit up.
 */
@QuarkusTest
@TestProfile(AccountLoginLimitTest.OnePerMinute.class)
class AccountLoginLimitTest {

    public static class OnePerMinute extends ClockedProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(new ThrottleProfile().getConfigOverrides());
            overrides.put("auth.login-limit.max-per-account", "1");
            overrides.put("auth.login-limit.window", "1M");
            // The per-account back-off for guesses from new addresses (LoginThrottle) would delay the
            // owner after the strangers' guesses below; AccountThrottleTest pins that. Here only the
            // successful-login limit is under test.
            overrides.put("auth.login-throttle.account-max-failures", "1000");
            return overrides;
        }
    }

    @BeforeEach
    void noCounts() {
        Throttling.forgetAllCounts();
        TestClock.reset();
    }

    @Test
    void aSuccessfulLoginBeyondTheLimitGets429FromAnyAddress() {
        String email = newEmail();
        Api.signUp(email);
        login("127.0.0.2", email, PASSWORD).then().statusCode(200);
        login("127.0.0.3", email, PASSWORD).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }

    @Test
    void overTheLimitALoginIsRefusedBeforeItsPasswordIsChecked() {
        String email = newEmail();
        Api.signUp(email);
        login("127.0.0.2", email, PASSWORD).then().statusCode(200);
        login("127.0.0.3", email, WRONG).then().statusCode(429);
    }

    @Test
    void theLimitStartsAfreshAfterItsWindow() {
        String email = newEmail();
        Api.signUp(email);
        login("127.0.0.2", email, PASSWORD).then().statusCode(200);
        login("127.0.0.2", email, PASSWORD).then().statusCode(429);
        TestClock.advance(Duration.ofSeconds(61));
        login("127.0.0.2", email, PASSWORD).then().statusCode(200);
    }

    @Test
    void wrongPasswordsFromStrangersNeverUseUpTheOwnersLimit() {
        String email = newEmail();
        Api.signUp(email);
        for (int address = 2; address <= 6; address++) {
            for (int i = 0; i < 6; i++) {
                login("127.0.0.1" + address, email, WRONG).statusCode();
            }
        }
        login("127.0.0.1", email, PASSWORD).then().statusCode(200);
    }

    @Test
    void eachAccountHasItsOwnLimit() {
        String first = newEmail();
        String second = newEmail();
        Api.signUp(first);
        Api.signUp(second);
        login("127.0.0.2", first, PASSWORD).then().statusCode(200);
        login("127.0.0.2", second, PASSWORD).then().statusCode(200);
    }

    @Test
    void aLimitOfZeroOrAnEmptyWindowIsRefusedAtStartUp() {
        assertThrows(IllegalStateException.class,
                () -> new AccountLoginLimit(null, TestConfig.with(Map.of("auth.login-limit.max-per-account", "0"))));
        assertThrows(IllegalStateException.class,
                () -> new AccountLoginLimit(null, TestConfig.with(Map.of("auth.login-limit.window", "0S"))));
    }
}
