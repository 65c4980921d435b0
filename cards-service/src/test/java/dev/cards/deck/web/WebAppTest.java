package dev.cards.deck.web;

import static dev.cards.deck.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The web app the service serves at / (its behaviour in a browser is tested in Chromium by
 * cards-service/browser-test/test), and the headers a browser relies on: the page's CSP and the API's CORS.
 * The page's ES modules are served as they are written; axios comes from its WebJar through the
 * page's import map.
 */
@QuarkusTest
class WebAppTest {

    /** Allowed by the %test profile's quarkus.http.cors.origins. */
    private static final String PAGE_ORIGIN = "https://app.cards.test";

    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

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
    void thePagesModulesAndStyleAreServedAsWritten() {
        given().get("/app.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("from './session.js'"));
        given().get("/session.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("from 'axios'"));
        given().get("/style.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void theImportMapResolvesAxiosToItsWebJar() {
        String page = given().get("/").then().statusCode(200).extract().body().asString();
        Matcher map = IMPORT_MAP.matcher(page);
        assertTrue(map.find(), "index.html has an import map");
        Matcher axios = Pattern.compile("\"axios\":\"([^\"]+)\"").matcher(map.group(1));
        assertTrue(axios.find(), "the import map names axios: " + map.group(1));
        // The WebJar's browser build, a self-contained ES module, at a path without the version.
        given().get(axios.group(1)).then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("export{"));
    }

    @Test
    void theImportMapIsTheOneInlineScriptTheContentSecurityPolicyAllows() throws NoSuchAlgorithmException {
        var response = given().get("/").then().statusCode(200).extract();
        Matcher map = IMPORT_MAP.matcher(response.body().asString());
        assertTrue(map.find(), "index.html has an import map");
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(map.group(1).getBytes(StandardCharsets.UTF_8)));
        String policy = response.header("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self' 'sha256-" + hash + "';"),
                "after a change to index.html's import map, put 'sha256-" + hash + "' in the CSP's script-src "
                        + "(application.properties); the policy is: " + policy);
        assertTrue(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), policy);
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
