package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.api;
import static dev.cards.auth.rest.Api.assertInvalidGrant;
import static dev.cards.auth.rest.Api.badRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class RefreshResourceTest {

    @Test
    void refreshWithTheCookieFromTheWebAppRotatesTheToken() {
        String token = Api.newSession().path("refresh_token");
        api().cookie(RefreshCookie.NAME, token).header("Origin", Api.WEB_ORIGIN).header("X-Requested-With", "fetch")
                .contentType(ContentType.JSON).post("/auth/refresh")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Set-Cookie", startsWith("refresh_token="))
                .header("Set-Cookie", not(startsWith("refresh_token=" + token)));
        assertInvalidGrant(Api.refresh(token));
    }

    @Test
    void refreshWithABearerHeaderWorksLikeTheSeedApp() {
        String token = Api.newSession().path("refresh_token");
        api().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).post("/auth/refresh")
                .then().statusCode(200).body("token_type", equalTo("Bearer"));
    }

    @Test
    void refreshWithTheBodyWorks() {
        String token = Api.newSession().path("refresh_token");
        assertNotEquals(token, Api.refreshed(token));
    }

    @Test
    void refreshedAccessTokenWorks() {
        String token = Api.newSession().path("refresh_token");
        String access = Api.refresh(token).path("access_token");
        api().header("Authorization", "Bearer " + access).get("/auth/me").then().statusCode(200);
    }

    @Test
    void eachSuccessorCanBeRefreshedInTurn() {
        String token = Api.newSession().path("refresh_token");
        for (int i = 0; i < 5; i++) {
            token = Api.refreshed(token);
        }
    }

    @Test
    void refreshWithARetiredTokenRevokesTheSession() {
        String first = Api.newSession().path("refresh_token");
        String second = Api.refreshed(first);
        assertInvalidGrant(Api.refresh(first));
        // The thief or the victim: whoever holds the live token is out too (RFC 9700 §4.14.2).
        assertInvalidGrant(Api.refresh(second));
    }

    @Test
    void refreshWithAnOlderRetiredTokenRevokesTheSessionToo() {
        String first = Api.newSession().path("refresh_token");
        String second = Api.refreshed(first);
        String third = Api.refreshed(second);
        assertInvalidGrant(Api.refresh(first));
        assertInvalidGrant(Api.refresh(third));
    }

    @Test
    void refreshWithATokenOfNoSessionIsAnInvalidGrant() {
        assertInvalidGrant(Api.refresh("A".repeat(64)));
    }

    @Test
    void refreshWithATokenOfTheOldShapeIsAnInvalidGrant() {
        assertInvalidGrant(Api.refresh("A".repeat(43)));
    }

    @Test
    void aTokenWithTheSessionButAnotherSecretRevokesTheSession() {
        String token = Api.newSession().path("refresh_token");
        // The first 16 bytes (21⅓ characters) name the session; from character 24 on it is all secret.
        String guessed = token.substring(0, 24) + "A".repeat(40);
        assertInvalidGrant(Api.refresh(guessed));
        assertInvalidGrant(Api.refresh(token));
    }

    @Test
    void refreshWithGarbageIsAnInvalidGrant() {
        assertInvalidGrant(Api.refresh("not a token at all"));
    }

    @Test
    void refreshWithoutAnyTokenIsAnInvalidGrant() {
        assertInvalidGrant(api().contentType(ContentType.JSON).post("/auth/refresh"));
    }

    @Test
    void refreshAfterLogoutIsAnInvalidGrant() {
        String token = Api.newSession().path("refresh_token");
        api().contentType(ContentType.JSON).body(Map.of("refresh_token", token)).post("/auth/logout").then().statusCode(204);
        assertInvalidGrant(Api.refresh(token));
    }

    @Test
    void twoDifferentTokensInOneRequestAreRefused() {
        String a = Api.newSession().path("refresh_token");
        String b = Api.newSession().path("refresh_token");
        badRequest().cookie(RefreshCookie.NAME, a).contentType(ContentType.JSON).body(Map.of("refresh_token", b))
                .post("/auth/refresh")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        Api.refreshed(a); // neither was touched
        Api.refreshed(b);
    }

    @Test
    void theSameTokenInCookieAndBodyIsAccepted() {
        String token = Api.newSession().path("refresh_token");
        api().cookie(RefreshCookie.NAME, token).contentType(ContentType.JSON).body(Map.of("refresh_token", token))
                .post("/auth/refresh").then().statusCode(200);
    }

    @Test
    void anotherAuthorizationSchemeIsRefused() {
        badRequest().header("Authorization", "Basic dXNlcjpwYXNz").post("/auth/refresh")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBareRequestWithOnlyTheCookieIsRefusedAsCrossSite() throws Exception {
        String token = Api.newSession().path("refresh_token");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/auth/refresh"))
                .header("Cookie", RefreshCookie.NAME + "=" + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode(), response.body());
        Api.refreshed(token);
    }

    @Test
    void aBareRequestWithTheTokenAsBearerWorksLikeCurl() throws Exception {
        String token = Api.newSession().path("refresh_token");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/auth/refresh"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void aNonJsonBodyIsUnsupported() {
        badRequest().contentType(ContentType.TEXT).body("refresh_token=abc").post("/auth/refresh")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
