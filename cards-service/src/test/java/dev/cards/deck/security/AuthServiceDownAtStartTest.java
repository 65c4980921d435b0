package dev.cards.deck.security;

import static dev.cards.deck.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.cards.testsupport.Management;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With nothing listening at the JWKS address the service still starts and is ready (readiness
 * does not depend on the auth-service); tokens are refused as invalid until keys can be fetched.
 */
@QuarkusTest
@TestProfile(AuthServiceDownAtStartTest.NoAuthService.class)
class AuthServiceDownAtStartTest {

    public static class NoAuthService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", "http://127.0.0.1:" + closedPort() + "/.well-known/jwks.json");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void serviceStartsAndIsReady() {
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void tokensAreRefusedAsInvalidNotAsAServerError() {
        as(TestTokens.accessToken(TestTokens.newUser())).get("/cards").then().statusCode(401)
                .body("error", equalTo("invalid_token"));
    }
}
