package dev.cards.auth.throttle;

import static dev.cards.auth.rest.Api.newEmail;
import static dev.cards.auth.throttle.ForwardedAddressTest.login;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * IPv6 failures count per /64 and per /48 too, with its own, higher limit (ThrottleProfile: 12):
 * a site's /48 holds 65 536 /64s, each a fresh per-address bucket. The IPv6 clients are named by
 * the trusted proxy's X-Forwarded-For, since the test machine has one IPv6 loopback address.
 */
@QuarkusTest
@TestProfile(ThrottleProfile.class)
class Ipv6NetworkThrottleTest {

    @BeforeEach
    void noCounts() {
        Throttling.forgetAllCounts();
    }

    @Test
    void failuresSpreadOverTheSubnetsOfOneSlash48ThrottleTheSlash48() {
        for (int i = 1; i <= ThrottleProfile.NETWORK_MAX_FAILURES; i++) {
            login(ThrottleProfile.TRUSTED_PROXY, newEmail(), "2001:db8:7:" + Integer.toHexString(i) + "::1").then().statusCode(401);
        }
        login(ThrottleProfile.TRUSTED_PROXY, newEmail(), "2001:db8:7:ffff::1").then().statusCode(429)
                .contentType("application/problem+json");
        login(ThrottleProfile.TRUSTED_PROXY, newEmail(), "2001:db8:8:1::1").then().statusCode(401);
        login(ThrottleProfile.TRUSTED_PROXY, newEmail(), "203.0.113.20").then().statusCode(401);
    }
}
