package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.api;
import static dev.cards.auth.rest.Api.newEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Tests run with a 2 s base delay (application.properties, %test); the production default is 30 s. */
@QuarkusTest
class LoginThrottleTest {

    @Test
    void fiveFailuresMakeTheNextAttemptWaitWithRetryAfter() {
        String email = newEmail();
        Api.signUp(email);
        for (int i = 0; i < 5; i++) {
            login(email, "wrong password").then().statusCode(401);
        }
        Response refused = login(email, Api.PASSWORD);
        refused.then().statusCode(429).contentType("application/problem+json");
        assertEquals("2", refused.header("Retry-After"));
    }

    @Test
    void unknownEmailsAreThrottledExactlyLikeAccounts() {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            login(email, "wrong password").then().statusCode(401);
        }
        login(email, "wrong password").then().statusCode(429).header("Retry-After", "2");
    }

    @Test
    void theDelayGrowsWithEachFurtherFailure() throws InterruptedException {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            login(email, "wrong password").then().statusCode(401);
        }
        Thread.sleep(2_100);
        login(email, "wrong password").then().statusCode(401); // sixth failure
        Response refused = login(email, "wrong password");
        refused.then().statusCode(429);
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 2 && retryAfter <= 4, "Retry-After " + retryAfter);
    }

    @Test
    void aSuccessResetsTheCount() {
        String email = newEmail();
        Api.signUp(email);
        for (int i = 0; i < 4; i++) {
            login(email, "wrong password").then().statusCode(401);
        }
        login(email, Api.PASSWORD).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            login(email, "wrong password").then().statusCode(401);
        }
        login(email, Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void throttlingLeavesLiveSessionsAlone() {
        String email = newEmail();
        Api.signUp(email);
        String refreshToken = Api.logIn(email).path("refresh_token");
        for (int i = 0; i < 6; i++) {
            login(email, "wrong password");
        }
        login(email, Api.PASSWORD).then().statusCode(429);
        Api.refreshed(refreshToken);
    }

    @Test
    void theThrottleIsPerEmail() {
        String throttled = newEmail();
        String other = newEmail();
        Api.signUp(other);
        for (int i = 0; i < 6; i++) {
            login(throttled, "wrong password");
        }
        login(other, Api.PASSWORD).then().statusCode(200);
    }

    private static Response login(String email, String password) {
        return api().contentType(ContentType.JSON).body(Map.of("email", email, "password", password)).post("/auth/login");
    }
}
