package dev.cards.auth.throttle;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The production per-address limits (the default test profile lifts them, since the whole suite
 * comes from 127.0.0.1), fewer sign-ups, failures per account and per IPv6 /48 so the limits are
 * quick to reach, a 4 s cap on the per-account wait, and 127.0.0.5 as the one trusted reverse proxy
 * whose X-Forwarded-For names the client. Quarkus' own forwarding stays off, as shipped.
 */
public class ThrottleProfile implements QuarkusTestProfile {

    static final String TRUSTED_PROXY = "127.0.0.5";
    static final int ADDRESS_MAX_FAILURES = 10;
    static final int SIGNUPS_PER_ADDRESS = 3;
    static final int ACCOUNT_MAX_FAILURES = 10;
    static final int ACCOUNT_MAX_DELAY_SECONDS = 4;
    static final int NETWORK_MAX_FAILURES = 12;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "auth.login-throttle.address-max-failures", String.valueOf(ADDRESS_MAX_FAILURES),
                "auth.login-throttle.network-max-failures", String.valueOf(NETWORK_MAX_FAILURES),
                "auth.login-throttle.account-max-failures", String.valueOf(ACCOUNT_MAX_FAILURES),
                "auth.login-throttle.account-max-delay", ACCOUNT_MAX_DELAY_SECONDS + "S",
                "auth.signup-limit.max-per-address", String.valueOf(SIGNUPS_PER_ADDRESS),
                "auth.client-address.trusted-proxies", TRUSTED_PROXY);
    }
}
