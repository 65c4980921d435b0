package dev.cards.auth.rest.oauth;

import static dev.cards.auth.rest.oauth.OAuth.CONFIDENTIAL_CLIENT;
import static dev.cards.auth.rest.oauth.OAuth.CONFIDENTIAL_SECRET;
import static dev.cards.auth.rest.oauth.OAuth.PASSWORD;
import static dev.cards.auth.rest.oauth.OAuth.PUBLIC_CLIENT;
import static dev.cards.auth.rest.oauth.OAuth.assertError;
import static dev.cards.auth.rest.oauth.OAuth.assertInvalidClient;
import static dev.cards.auth.rest.oauth.OAuth.form;
import static org.hamcrest.Matchers.emptyString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** RFC 7009: what revocation answers and what it ends. */
@QuarkusTest
class RevocationEndpointTest {

    private static Response revoke(String clientId, String token) {
        return form().formParam("client_id", clientId).formParam("token", token).post("/oauth2/revoke");
    }

    @Test
    void revokingARefreshTokenAnswers200AndEndsItsSession() {
        String token = OAuth.refreshTokenOf(OAuth.newUser());
        revoke(PUBLIC_CLIENT, token).then().statusCode(200).body(emptyString());
        assertError(OAuth.refreshGrant(PUBLIC_CLIENT, token), 400, "invalid_grant");
    }

    @Test
    void revokingARetiredTokenOfTheSessionEndsTheSessionToo() {
        String first = OAuth.refreshTokenOf(OAuth.newUser());
        String second = OAuth.refreshGrant(PUBLIC_CLIENT, first).then().statusCode(200).extract().path("refresh_token");
        revoke(PUBLIC_CLIENT, first).then().statusCode(200);
        assertError(OAuth.refreshGrant(PUBLIC_CLIENT, second), 400, "invalid_grant");
    }

    @Test
    void unknownTokenAnswers200() {
        revoke(PUBLIC_CLIENT, "A".repeat(64)).then().statusCode(200);
        revoke(PUBLIC_CLIENT, "not-even-a-token").then().statusCode(200);
    }

    @Test
    void revokingTwiceAnswers200Twice() {
        String token = OAuth.refreshTokenOf(OAuth.newUser());
        revoke(PUBLIC_CLIENT, token).then().statusCode(200);
        revoke(PUBLIC_CLIENT, token).then().statusCode(200);
    }

    @Test
    void tokenTypeHintIsOnlyAHint() {
        String token = OAuth.refreshTokenOf(OAuth.newUser());
        form().formParam("client_id", PUBLIC_CLIENT).formParam("token", token).formParam("token_type_hint", "access_token")
                .post("/oauth2/revoke").then().statusCode(200);
        assertError(OAuth.refreshGrant(PUBLIC_CLIENT, token), 400, "invalid_grant");
    }

    @Test
    void revocationEndsASessionOfTheJsonLogin() {
        String email = OAuth.newUser();
        String token = RestAssured.given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/auth/login").then().statusCode(200).extract().path("refresh_token");
        revoke(OAuth.FIRST_PARTY_CLIENT, token).then().statusCode(200);
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("refresh_token", token))
                .post("/auth/refresh").then().statusCode(401);
    }

    @Test
    void confidentialClientRevokesWithBasic() {
        String token = form().auth().preemptive().basic(CONFIDENTIAL_CLIENT, CONFIDENTIAL_SECRET)
                .formParam("grant_type", "password").formParam("username", OAuth.newUser()).formParam("password", PASSWORD)
                .post("/oauth2/token").then().statusCode(200).extract().path("refresh_token");
        form().auth().preemptive().basic(CONFIDENTIAL_CLIENT, CONFIDENTIAL_SECRET).formParam("token", token)
                .post("/oauth2/revoke").then().statusCode(200);
        assertError(form().auth().preemptive().basic(CONFIDENTIAL_CLIENT, CONFIDENTIAL_SECRET)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", token).post("/oauth2/token"),
                400, "invalid_grant");
    }

    @Test
    void anotherClientsTokenIsRefusedAndTheSessionLives() {
        String token = OAuth.refreshTokenOf(OAuth.newUser());
        assertError(form().auth().preemptive().basic(CONFIDENTIAL_CLIENT, CONFIDENTIAL_SECRET).formParam("token", token)
                .post("/oauth2/revoke"), 400, "invalid_grant");
        OAuth.refreshGrant(PUBLIC_CLIENT, token).then().statusCode(200);
    }

    @Test
    void accessTokenIsAnUnsupportedTokenType() {
        String access = OAuth.passwordGrant(OAuth.newUser()).then().statusCode(200).extract().path("access_token");
        assertError(revoke(PUBLIC_CLIENT, access), 400, "unsupported_token_type");
    }

    @Test
    void missingTokenIsInvalidRequest() {
        assertError(form().formParam("client_id", PUBLIC_CLIENT).post("/oauth2/revoke"), 400, "invalid_request");
    }

    @Test
    void repeatedTokenIsInvalidRequest() {
        assertError(RestAssured.given().contentType("application/x-www-form-urlencoded")
                .body("client_id=cards-cli&token=a&token=b").post("/oauth2/revoke"), 400, "invalid_request");
    }

    @Test
    void jsonBodyIsInvalidRequest() {
        assertError(RestAssured.given().contentType(ContentType.JSON).body(Map.of("token", "x", "client_id", PUBLIC_CLIENT))
                .post("/oauth2/revoke"), 400, "invalid_request");
    }

    @Test
    void missingClientIsInvalidClient() {
        assertInvalidClient(form().formParam("token", "A".repeat(64)).post("/oauth2/revoke"));
    }

    @Test
    void wrongSecretIsInvalidClient() {
        assertInvalidClient(form().auth().preemptive().basic(CONFIDENTIAL_CLIENT, "wrong").formParam("token", "A".repeat(64))
                .post("/oauth2/revoke"));
    }
}
