package dev.cards.auth.rest.oauth;

import static dev.cards.auth.rest.oauth.OAuth.CONFIDENTIAL_CLIENT;
import static dev.cards.auth.rest.oauth.OAuth.CONFIDENTIAL_SECRET;
import static dev.cards.auth.rest.oauth.OAuth.FIRST_PARTY_CLIENT;
import static dev.cards.auth.rest.oauth.OAuth.PASSWORD;
import static dev.cards.auth.rest.oauth.OAuth.PUBLIC_CLIENT;
import static dev.cards.auth.rest.oauth.OAuth.assertError;
import static dev.cards.auth.rest.oauth.OAuth.form;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class TokenEndpointTest {

    @Test
    void passwordGrantAnswersTheTokenResponseUncached() {
        OAuth.passwordGrant(OAuth.newUser()).then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .header("Set-Cookie", nullValue())
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(300))
                .body("access_token", matchesPattern("[\\w-]+\\.[\\w-]+\\.[\\w-]+"))
                .body("refresh_token", matchesPattern("[\\w-]{64}"))
                .body("refresh_expires_in", greaterThan(0));
    }

    @Test
    void accessTokenIsAnRfc9068JwtAccessToken() throws Exception {
        String token = OAuth.passwordGrant(OAuth.newUser()).then().statusCode(200).extract().path("access_token");
        JwtContext jwt = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build().process(token);
        assertEquals("at+jwt", jwt.getJoseObjects().get(0).getHeader("typ"));
        JwtClaims claims = jwt.getJwtClaims();
        assertEquals("http://localhost:8081", claims.getIssuer());
        assertEquals(List.of("cards-service"), claims.getAudience());
        assertEquals(PUBLIC_CLIENT, claims.getStringClaimValue("client_id"));
        assertNotNull(claims.getSubject());
        assertNotNull(claims.getJwtId());
        assertEquals(300, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @Test
    void passwordGrantTakesTheEmailInAnySpelling() {
        String email = OAuth.newUser();
        form().formParam("grant_type", "password").formParam("client_id", PUBLIC_CLIENT)
                .formParam("username", " " + email.toUpperCase()).formParam("password", PASSWORD)
                .post("/oauth2/token").then().statusCode(200);
    }

    @Test
    void refreshGrantRotatesTheRefreshToken() {
        String first = OAuth.refreshTokenOf(OAuth.newUser());
        String second = OAuth.refreshGrant(PUBLIC_CLIENT, first).then().statusCode(200)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .body("token_type", equalTo("Bearer")).extract().path("refresh_token");
        assertNotEquals(first, second);
        OAuth.refreshGrant(PUBLIC_CLIENT, second).then().statusCode(200);
    }

    @Test
    void replayOfARetiredRefreshTokenIsInvalidGrantAndRevokesTheSession() {
        // The tests run without reuse grace (%test.auth.refresh-token.reuse-grace=0S).
        String first = OAuth.refreshTokenOf(OAuth.newUser());
        String second = OAuth.refreshGrant(PUBLIC_CLIENT, first).then().statusCode(200).extract().path("refresh_token");
        assertError(OAuth.refreshGrant(PUBLIC_CLIENT, first), 400, "invalid_grant");
        assertError(OAuth.refreshGrant(PUBLIC_CLIENT, second), 400, "invalid_grant");
    }

    @Test
    void sessionsOfTheJsonLoginRefreshAtTheTokenEndpointAndBack() {
        String email = OAuth.newUser();
        String fromJson = RestAssured.given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/auth/login").then().statusCode(200).extract().path("refresh_token");
        String fromOAuth = OAuth.refreshGrant(FIRST_PARTY_CLIENT, fromJson).then().statusCode(200).extract().path("refresh_token");
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("refresh_token", fromOAuth))
                .post("/auth/refresh").then().statusCode(200);
    }

    @Test
    void confidentialClientAuthenticatesWithBasic() {
        String token = form().auth().preemptive().basic(CONFIDENTIAL_CLIENT, CONFIDENTIAL_SECRET)
                .formParam("grant_type", "password").formParam("username", OAuth.newUser()).formParam("password", PASSWORD)
                .post("/oauth2/token").then().statusCode(200).extract().path("refresh_token");
        form().auth().preemptive().basic(CONFIDENTIAL_CLIENT, CONFIDENTIAL_SECRET)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", token)
                .post("/oauth2/token").then().statusCode(200);
    }

    @Test
    void confidentialClientAuthenticatesWithItsSecretInTheForm() {
        form().formParam("grant_type", "password").formParam("client_id", CONFIDENTIAL_CLIENT)
                .formParam("client_secret", CONFIDENTIAL_SECRET)
                .formParam("username", OAuth.newUser()).formParam("password", PASSWORD)
                .post("/oauth2/token").then().statusCode(200);
    }

    @Test
    void refreshByAnotherClientIsInvalidGrantAndLeavesTheSessionAlive() {
        String token = form().formParam("grant_type", "password").formParam("client_id", CONFIDENTIAL_CLIENT)
                .formParam("client_secret", CONFIDENTIAL_SECRET)
                .formParam("username", OAuth.newUser()).formParam("password", PASSWORD)
                .post("/oauth2/token").then().statusCode(200).extract().path("refresh_token");
        assertError(OAuth.refreshGrant(PUBLIC_CLIENT, token), 400, "invalid_grant")
                .body("error_description", equalTo("The refresh token was issued to another client"));
        // Neither rotated nor revoked by the foreign attempt.
        form().formParam("grant_type", "refresh_token").formParam("client_id", CONFIDENTIAL_CLIENT)
                .formParam("client_secret", CONFIDENTIAL_SECRET).formParam("refresh_token", token)
                .post("/oauth2/token").then().statusCode(200);
    }

    @Test
    void jsonRefreshOfAnotherClientsSessionIsInvalidGrant() {
        String token = form().formParam("grant_type", "password").formParam("client_id", CONFIDENTIAL_CLIENT)
                .formParam("client_secret", CONFIDENTIAL_SECRET)
                .formParam("username", OAuth.newUser()).formParam("password", PASSWORD)
                .post("/oauth2/token").then().statusCode(200).extract().path("refresh_token");
        // /auth/refresh acts for the first-party client cards-cli.
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("refresh_token", token))
                .post("/auth/refresh").then().statusCode(401).body("error", equalTo("invalid_grant"));
    }
}
