package dev.cards.auth.throttle;

import static dev.cards.auth.rest.Api.newEmail;
import static dev.cards.auth.throttle.Throttling.signup;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Sign-ups are limited per client address (ThrottleProfile: 3 per 10 minutes). */
@QuarkusTest
@TestProfile(ThrottleProfile.class)
class SignupLimitTest {

    @BeforeEach
    void noCounts() {
        Throttling.forgetAllCounts();
    }

    @Test
    void signupsBeyondTheQuotaOfAnAddressGet429() {
        for (int i = 0; i < ThrottleProfile.SIGNUPS_PER_ADDRESS; i++) {
            signup("127.0.0.2", newEmail()).then().statusCode(201);
        }
        signup("127.0.0.2", newEmail()).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        signup("127.0.0.1", newEmail()).then().statusCode(201);
    }
}
