package dev.cards.auth.throttle;

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

/** account-max-delay 0: new addresses never wait for the account; network-max-failures 0: a /48's first failure locks it. */
@QuarkusTest
@TestProfile(ZeroAccountDelayTest.Zero.class)
class ZeroAccountDelayTest {

    public static class Zero extends ThrottleProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("auth.login-throttle.account-max-delay", "0S");
            config.put("auth.login-throttle.network-max-failures", "0");
            return config;
        }
    }

    @BeforeEach
    void noCounts() {
        Throttling.forgetAllCounts();
    }

    @Test
    void withAZeroAccountDelayNewAddressesNeverWaitForTheAccount() {
        String email = newEmail();
        Api.signUp(email);
        for (int i = 0; i < 3 * ThrottleProfile.ACCOUNT_MAX_FAILURES; i++) {
            login(attacker(i), email, WRONG).then().statusCode(401);
        }
    }

    @Test
    void withZeroNetworkFailuresTheFirstFailureLocksTheSlash48() {
        ForwardedAddressTest.login(ThrottleProfile.TRUSTED_PROXY, newEmail(), "2001:db8:9:1::1").then().statusCode(401);
        ForwardedAddressTest.login(ThrottleProfile.TRUSTED_PROXY, newEmail(), "2001:db8:9:2::1").then().statusCode(429);
        ForwardedAddressTest.login(ThrottleProfile.TRUSTED_PROXY, newEmail(), "2001:db8:a:1::1").then().statusCode(401);
    }
}
