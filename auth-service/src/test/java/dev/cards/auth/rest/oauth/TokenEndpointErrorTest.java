package dev.cards.auth.rest.oauth;

import static dev.cards.auth.rest.oauth.OAuth.CONFIDENTIAL_CLIENT;
import static dev.cards.auth.rest.oauth.OAuth.CONFIDENTIAL_SECRET;
import static dev.cards.auth.rest.oauth.OAuth.PASSWORD;
import static dev.cards.auth.rest.oauth.OAuth.PUBLIC_CLIENT;
import static dev.cards.auth.rest.oauth.OAuth.REFRESH_ONLY_CLIENT;
import static dev.cards.auth.rest.oauth.OAuth.assertError;
import static dev.cards.auth.rest.oauth.OAuth.assertInvalidClient;
import static dev.cards.auth.rest.oauth.OAuth.form;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every error of the token endpoint, each request wrong in exactly one way (RFC 6749 §5.2). */
@QuarkusTest
class TokenEndpointErrorTest {

    private static Response passwordGrant(String clientId, String username, String password) {
        return form().formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", username).formParam("password", password).post("/oauth2/token");
    }

    private static Response raw(String contentType, String body) {
        return RestAssured.given().contentType(contentType).body(body).post("/oauth2/token");
    }

    // invalid_request

    @Test
    void missingGrantTypeIsInvalidRequest() {
        assertError(form().formParam("client_id", PUBLIC_CLIENT).post("/oauth2/token"), 400, "invalid_request")
                .body("error_description", equalTo("The parameter grant_type is missing"));
    }

    @Test
    void emptyGrantTypeCountsAsMissing() {
        assertError(raw("application/x-www-form-urlencoded", "grant_type=&client_id=cards-cli"), 400, "invalid_request");
    }

    @Test
    void repeatedParameterIsInvalidRequest() {
        assertError(raw("application/x-www-form-urlencoded",
                "grant_type=refresh_token&grant_type=refresh_token&client_id=cards-cli&refresh_token=" + "A".repeat(64)),
                400, "invalid_request").body("error_description", equalTo("The parameter grant_type is repeated"));
    }

    @Test
    void jsonBodyIsInvalidRequest() {
        assertError(RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("grant_type", "password", "client_id", PUBLIC_CLIENT)).post("/oauth2/token"), 400, "invalid_request");
    }

    @Test
    void missingContentTypeIsInvalidRequest() {
        assertError(RestAssured.given().post("/oauth2/token"), 400, "invalid_request");
    }

    @Test
    void malformedPercentEncodingIsInvalidRequest() {
        assertError(raw("application/x-www-form-urlencoded", "grant_type=password%zz&client_id=cards-cli"), 400, "invalid_request");
    }

    @Test
    void passwordGrantWithoutUsernameIsInvalidRequest() {
        assertError(form().formParam("grant_type", "password").formParam("client_id", PUBLIC_CLIENT)
                .formParam("password", PASSWORD).post("/oauth2/token"), 400, "invalid_request")
                .body("error_description", equalTo("The parameter username is missing"));
    }

    @Test
    void passwordGrantWithoutPasswordIsInvalidRequest() {
        assertError(form().formParam("grant_type", "password").formParam("client_id", PUBLIC_CLIENT)
                .formParam("username", OAuth.newUser()).post("/oauth2/token"), 400, "invalid_request")
                .body("error_description", equalTo("The parameter password is missing"));
    }

    @Test
    void overlongPasswordIsInvalidRequest() {
        assertError(passwordGrant(PUBLIC_CLIENT, OAuth.newUser(), "p".repeat(129)), 400, "invalid_request");
    }

    @Test
    void refreshGrantWithoutRefreshTokenIsInvalidRequest() {
        assertError(form().formParam("grant_type", "refresh_token").formParam("client_id", PUBLIC_CLIENT)
                .post("/oauth2/token"), 400, "invalid_request")
                .body("error_description", equalTo("The parameter refresh_token is missing"));
    }

    @Test
    void basicHeaderAndClientSecretTogetherAreInvalidRequest() {
        assertError(form().auth().preemptive().basic(CONFIDENTIAL_CLIENT, CONFIDENTIAL_SECRET)
                .formParam("grant_type", "password").formParam("client_secret", CONFIDENTIAL_SECRET)
                .formParam("username", OAuth.newUser()).formParam("password", PASSWORD).post("/oauth2/token"),
                400, "invalid_request");
    }

    @Test
    void clientIdThatDiffersFromTheBasicHeaderIsInvalidRequest() {
        assertError(form().auth().preemptive().basic(CONFIDENTIAL_CLIENT, CONFIDENTIAL_SECRET)
                .formParam("grant_type", "password").formParam("client_id", PUBLIC_CLIENT)
                .formParam("username", OAuth.newUser()).formParam("password", PASSWORD).post("/oauth2/token"),
                400, "invalid_request");
    }

    // invalid_client

    @Test
    void noClientAtAllIsInvalidClient() {
        assertInvalidClient(form().formParam("grant_type", "refresh_token").formParam("refresh_token", "A".repeat(64))
                .post("/oauth2/token"));
    }

    @Test
    void unknownClientIsInvalidClient() {
        assertInvalidClient(passwordGrant("nobody", OAuth.newUser(), PASSWORD));
    }

    @Test
    void wrongSecretInTheBasicHeaderIsInvalidClientWithABasicChallenge() {
        assertInvalidClient(form().auth().preemptive().basic(CONFIDENTIAL_CLIENT, "wrong")
                .formParam("grant_type", "password").formParam("username", OAuth.newUser()).formParam("password", PASSWORD)
                .post("/oauth2/token"));
    }

    @Test
    void wrongSecretInTheFormIsInvalidClient() {
        assertInvalidClient(form().formParam("grant_type", "password").formParam("client_id", CONFIDENTIAL_CLIENT)
                .formParam("client_secret", "wrong").formParam("username", OAuth.newUser()).formParam("password", PASSWORD)
                .post("/oauth2/token"));
    }

    @Test
    void confidentialClientWithoutItsSecretIsInvalidClient() {
        assertInvalidClient(passwordGrant(CONFIDENTIAL_CLIENT, OAuth.newUser(), PASSWORD));
    }

    @Test
    void publicClientPresentingASecretIsInvalidClient() {
        assertInvalidClient(form().formParam("grant_type", "password").formParam("client_id", PUBLIC_CLIENT)
                .formParam("client_secret", "anything").formParam("username", OAuth.newUser()).formParam("password", PASSWORD)
                .post("/oauth2/token"));
    }

    @Test
    void anotherAuthorizationSchemeIsInvalidClient() {
        assertInvalidClient(form().header("Authorization", "Bearer " + "A".repeat(64))
                .formParam("grant_type", "password").formParam("client_id", PUBLIC_CLIENT)
                .formParam("username", OAuth.newUser()).formParam("password", PASSWORD).post("/oauth2/token"));
    }

    @Test
    void basicHeaderThatIsNotBase64IsInvalidClient() {
        assertInvalidClient(form().header("Authorization", "Basic %%%")
                .formParam("grant_type", "password").formParam("username", OAuth.newUser()).formParam("password", PASSWORD)
                .post("/oauth2/token"));
    }

    @Test
    void basicHeaderWithoutAColonIsInvalidClient() {
        String noColon = Base64.getEncoder().encodeToString(CONFIDENTIAL_CLIENT.getBytes(StandardCharsets.UTF_8));
        assertInvalidClient(form().header("Authorization", "Basic " + noColon)
                .formParam("grant_type", "password").formParam("username", OAuth.newUser()).formParam("password", PASSWORD)
                .post("/oauth2/token"));
    }

    // unsupported_grant_type, unauthorized_client, invalid_scope

    @Test
    void unknownGrantTypeIsUnsupportedGrantType() {
        assertError(form().formParam("grant_type", "urn:ietf:params:oauth:grant-type:device_code").formParam("client_id", PUBLIC_CLIENT)
                .post("/oauth2/token"), 400, "unsupported_grant_type");
    }

    @Test
    void aPublicClientAskingForClientCredentialsIsAnUnauthorizedClient() {
        // RFC 6749 §4.4: only confidential clients; none of the public ones may have the grant.
        assertError(form().formParam("grant_type", "client_credentials").formParam("client_id", PUBLIC_CLIENT)
                .post("/oauth2/token"), 400, "unauthorized_client");
    }

    @Test
    void clientNotAllowedTheGrantIsUnauthorizedClient() {
        assertError(passwordGrant(REFRESH_ONLY_CLIENT, OAuth.newUser(), PASSWORD), 400, "unauthorized_client");
    }

    @Test
    void theFirstPartyClientIsRefusedThePasswordGrant() {
        // RFC 9700 §2.4: the password grant MUST NOT be used; cards-cli signs in through /auth/login.
        assertError(passwordGrant(OAuth.FIRST_PARTY_CLIENT, OAuth.newUser(), PASSWORD), 400, "unauthorized_client")
                .body("error_description", equalTo("The client may not use the password grant"));
    }

    @Test
    void aClientRegisteredWithoutGrantTypesIsRefusedThePasswordGrant() {
        assertError(passwordGrant(OAuth.DEFAULTS_CLIENT, OAuth.newUser(), PASSWORD), 400, "unauthorized_client");
    }

    @Test
    void requestedScopeIsInvalidScope() {
        assertError(form().formParam("grant_type", "password").formParam("client_id", PUBLIC_CLIENT).formParam("scope", "openid")
                .formParam("username", OAuth.newUser()).formParam("password", PASSWORD).post("/oauth2/token"),
                400, "invalid_scope");
    }

    // invalid_grant

    @Test
    void wrongPasswordIsInvalidGrant() {
        assertError(passwordGrant(PUBLIC_CLIENT, OAuth.newUser(), "wrong password"), 400, "invalid_grant");
    }

    @Test
    void unknownUserGetsTheSameInvalidGrantAsAWrongPassword() {
        String wrongPassword = passwordGrant(PUBLIC_CLIENT, OAuth.newUser(), "wrong password").asString();
        String unknown = passwordGrant(PUBLIC_CLIENT, "nobody-" + java.util.UUID.randomUUID() + "@example.com", PASSWORD).asString();
        org.junit.jupiter.api.Assertions.assertEquals(wrongPassword, unknown);
    }

    @Test
    void passwordGrantIsThrottledLikeTheJsonLogin() {
        String email = OAuth.newUser();
        for (int i = 0; i < 5; i++) {
            assertError(passwordGrant(PUBLIC_CLIENT, email, "wrong password"), 400, "invalid_grant");
        }
        // The right password now, refused: the same throttle as /auth/login (2 s base delay in tests).
        assertError(passwordGrant(PUBLIC_CLIENT, email, PASSWORD), 400, "invalid_grant").header("Retry-After", "2");
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/auth/login").then().statusCode(429);
    }

    @Test
    void malformedRefreshTokenIsInvalidGrant() {
        assertError(OAuth.refreshGrant(PUBLIC_CLIENT, "not-a-refresh-token"), 400, "invalid_grant");
    }

    @Test
    void unknownRefreshTokenIsInvalidGrant() {
        assertError(OAuth.refreshGrant(PUBLIC_CLIENT, "A".repeat(64)), 400, "invalid_grant");
    }

    @Test
    void refreshTokenOfARevokedSessionIsInvalidGrant() {
        String token = OAuth.refreshTokenOf(OAuth.newUser());
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("refresh_token", token))
                .post("/auth/logout").then().statusCode(204);
        assertError(OAuth.refreshGrant(PUBLIC_CLIENT, token), 400, "invalid_grant")
                .body("error_description", equalTo("The session was revoked"));
    }
}
