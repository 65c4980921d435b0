package dev.cards.deck.web;

import static dev.cards.deck.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The web app the service serves at / (its behaviour in a browser is tested in Chromium by
 * cards-service/web/test), and the headers a browser relies on: the page's CSP and the API's CORS.
 */
@QuarkusTest
class WebAppTest {

    /** Allowed by the %test profile's quarkus.http.cors.origins. */
    private static final String PAGE_ORIGIN = "https://app.cards.test";

    @Test
    void thePageIsServedAtTheRootWithAStrictContentSecurityPolicy() {
        given().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<title>Cards</title>"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self' http://localhost:8081"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void theBundledScriptIsServed() {
        given().get("/app.js").then().statusCode(200).contentType(containsString("javascript"));
    }

    @Test
    void thePageLearnsTheAuthServiceUrlFromTheConfiguration() {
        given().get("/web/config").then().statusCode(200).body("authUrl", equalTo("http://localhost:8081"));
    }

    @Test
    void aPageOnAnAllowedOriginCanReadTheTokenChallenge() {
        as("not-a-token").header("Origin", PAGE_ORIGIN).get("/cards")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", PAGE_ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("WWW-Authenticate"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void aPreflightFromAnAllowedOriginMayUseIfMatch() {
        given().header("Origin", PAGE_ORIGIN).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/cards/00000000-0000-0000-0000-000000000000")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", PAGE_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
    }

    @Test
    void aRequestFromAForeignOriginIsRefused() {
        // Refused before any resource (ForeignOriginGuard), so the answer is not in the API document.
        given().header("Authorization", "Bearer not-a-token").header("Origin", "https://evil.example").get("/cards")
                .then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theServicesOwnPageIsNotAForeignOrigin() {
        given().header("Origin", RestAssured.baseURI + ":" + RestAssured.port).get("/web/config")
                .then().statusCode(200);
    }
}
