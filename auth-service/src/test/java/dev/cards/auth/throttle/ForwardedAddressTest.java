package dev.cards.auth.throttle;

import static dev.cards.auth.rest.Api.newEmail;
import static dev.cards.auth.throttle.Throttling.WRONG;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.auth.rest.FromAddress;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** X-Forwarded-For names the client only when a trusted proxy (quarkus.http.proxy.trusted-proxies) sent it. */
@QuarkusTest
@TestProfile(ThrottleProfile.class)
class ForwardedAddressTest {

    @BeforeEach
    void noCounts() {
        Throttling.forgetAllCounts();
    }

    @Test
    void behindTheTrustedProxyEachForwardedClientIsThrottledOnItsOwn() {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            login(ThrottleProfile.TRUSTED_PROXY, "203.0.113.7", email).then().statusCode(401);
        }
        login(ThrottleProfile.TRUSTED_PROXY, "203.0.113.7", email).then().statusCode(429);
        login(ThrottleProfile.TRUSTED_PROXY, "203.0.113.8", email).then().statusCode(401);
    }

    @Test
    void xForwardedForFromAnUntrustedClientIsIgnored() {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            login("127.0.0.2", "203.0.113." + i, email).then().statusCode(401);
        }
        login("127.0.0.2", "203.0.113.99", email).then().statusCode(429);
    }

    private static Response login(String from, String forwardedFor, String email) {
        return FromAddress.api(from).header("X-Forwarded-For", forwardedFor).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", WRONG)).post("/auth/login");
    }
}
