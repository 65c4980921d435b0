package dev.cards.auth.rest.oauth;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Test client for the OAuth endpoints. Their contract is RFC 6749 / 7009 / 8414, not the
 * OpenAPI document, so the assertions here are the RFCs' rules.
 */
final class OAuth {

    static final String PASSWORD = "correct horse battery staple";
    /** A public client allowed the password grant: registered in %test only (no client has it by default). */
    static final String PUBLIC_CLIENT = "test-cli";
    /** The client /auth/login and /auth/refresh act for; not allowed the password grant. */
    static final String FIRST_PARTY_CLIENT = "cards-cli";
    static final String CONFIDENTIAL_CLIENT = "test-service";
    static final String CONFIDENTIAL_SECRET = "confidential-test-secret";
    static final String REFRESH_ONLY_CLIENT = "test-refresh-only";
    /** A public client registered with nothing but its type: the default grants. */
    static final String DEFAULTS_CLIENT = "test-defaults";

    private OAuth() {
    }

    static RequestSpecification form() {
        return RestAssured.given().log().ifValidationFails().contentType(ContentType.URLENC.withCharset("UTF-8"));
    }

    /** A new account's email. */
    static String newUser() {
        String email = "o-" + UUID.randomUUID() + "@example.com";
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/auth/signup").then().statusCode(201);
        return email;
    }

    /** A password grant of the public test client: the token response. */
    static Response passwordGrant(String email) {
        return form().formParam("grant_type", "password").formParam("client_id", PUBLIC_CLIENT)
                .formParam("username", email).formParam("password", PASSWORD).post("/oauth2/token");
    }

    static String refreshTokenOf(String email) {
        return passwordGrant(email).then().statusCode(200).extract().path("refresh_token");
    }

    static Response refreshGrant(String clientId, String refreshToken) {
        return form().formParam("grant_type", "refresh_token").formParam("client_id", clientId)
                .formParam("refresh_token", refreshToken).post("/oauth2/token");
    }

    /** RFC 6749 §5.2: 400 (or 401) application/json with exactly error and error_description, uncached. */
    static ValidatableResponse assertError(Response response, int status, String error) {
        return response.then().statusCode(status)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .body("$", aMapWithSize(2))
                .body("error", equalTo(error))
                .body("error_description", not(emptyOrNullString()));
    }

    /** invalid_client: always 401 with a Basic challenge. */
    static ValidatableResponse assertInvalidClient(Response response) {
        return assertError(response, 401, "invalid_client").header("WWW-Authenticate", "Basic realm=\"cards\"");
    }
}
