package dev.cards.auth.rest;

import dev.cards.testsupport.Challenges;
import static dev.cards.auth.rest.Api.api;
import static dev.cards.auth.rest.Api.badRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * What a browser page may do with the auth-service: CORS for the allowed origins, the refresh
 * token only as the HttpOnly cookie, and the CSRF check on every request that presents it by
 * cookie alone (refused requests change nothing: no rotation, no revocation, no cookie cleared).
 */
@QuarkusTest
class BrowserContractTest {

    private static final String FOREIGN = "https://evil.example";

    @Test
    void loginFromTheWebAppSetsTheCookieButKeepsTheRefreshTokenOutOfTheBody() {
        String email = Api.newEmail();
        Api.signUp(email);
        api().header("Origin", Api.WEB_ORIGIN).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Api.PASSWORD)).post("/auth/login")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", Api.WEB_ORIGIN)
                .header("Access-Control-Allow-Credentials", "true")
                .header("Set-Cookie", startsWith("refresh_token="))
                .body("access_token", notNullValue())
                .body("refresh_token", nullValue());
    }

    @Test
    void cookieRefreshFromTheWebAppAnswersWithoutTheRefreshTokenInTheBody() {
        String token = Api.newSession().path("refresh_token");
        fromWebApp(token).header("X-Requested-With", "fetch").post("/auth/refresh")
                .then().statusCode(200)
                .header("Set-Cookie", startsWith("refresh_token="))
                .body("access_token", notNullValue())
                .body("refresh_token", nullValue());
    }

    @Test
    void cookieRefreshWithoutRequestedWithIsForbiddenAndRotatesNothing() {
        String token = Api.newSession().path("refresh_token");
        fromWebApp(token).post("/auth/refresh")
                .then().statusCode(403).contentType("application/problem+json")
                .header("Set-Cookie", nullValue())
                .body("detail", containsString("X-Requested-With"));
        Api.refreshed(token);
    }

    @Test
    void cookieRefreshFromAForeignOriginIsForbiddenAndRotatesNothing() {
        String token = Api.newSession().path("refresh_token");
        badRequest().cookie(RefreshCookie.NAME, token).header("Origin", FOREIGN).header("X-Requested-With", "fetch")
                .contentType(ContentType.JSON).post("/auth/refresh")
                .then().statusCode(403).contentType("application/problem+json")
                .header("Set-Cookie", nullValue())
                .header("Access-Control-Allow-Origin", nullValue());
        Api.refreshed(token);
    }

    @Test
    void cookieRefreshWithoutAnyOriginIsForbidden() {
        String token = Api.newSession().path("refresh_token");
        api().cookie(RefreshCookie.NAME, token).header("X-Requested-With", "fetch").contentType(ContentType.JSON)
                .post("/auth/refresh")
                .then().statusCode(403).contentType("application/problem+json").header("Set-Cookie", nullValue());
        Api.refreshed(token);
    }

    @Test
    void cookieLogoutWithoutRequestedWithIsForbiddenAndTheSessionLives() {
        String token = Api.newSession().path("refresh_token");
        fromWebApp(token).post("/auth/logout")
                .then().statusCode(403).contentType("application/problem+json").header("Set-Cookie", nullValue());
        Api.refreshed(token);
    }

    @Test
    void cookieLogoutFromAForeignOriginIsForbiddenAndTheSessionLives() {
        String token = Api.newSession().path("refresh_token");
        badRequest().cookie(RefreshCookie.NAME, token).header("Origin", FOREIGN).header("X-Requested-With", "fetch")
                .contentType(ContentType.JSON).post("/auth/logout")
                .then().statusCode(403).contentType("application/problem+json").header("Set-Cookie", nullValue());
        Api.refreshed(token);
    }

    @Test
    void theTokenInTheBodyNeedsNoCsrfHeaderBecauseItsSenderKnewIt() {
        String token = Api.newSession().path("refresh_token");
        api().cookie(RefreshCookie.NAME, token).contentType(ContentType.JSON).body(Map.of("refresh_token", token))
                .post("/auth/refresh").then().statusCode(200).body("refresh_token", not(emptyOrNullString()));
    }

    @Test
    void preflightFromTheWebAppAllowsTheCsrfHeaderWithCredentials() {
        // CORS preflights are answered before any resource, so they are not in the API document.
        RestAssured.given().header("Origin", Api.WEB_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-requested-with")
                .options("/auth/refresh")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", Api.WEB_ORIGIN)
                .header("Access-Control-Allow-Credentials", "true")
                .header("Access-Control-Allow-Headers", containsString("X-Requested-With"));
    }

    @Test
    void preflightFromAForeignOriginIsRefused() {
        RestAssured.given().header("Origin", FOREIGN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-requested-with")
                .options("/auth/refresh")
                .then().statusCode(403).contentType("application/problem+json").header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theChallengeOfAnExpiredAccessTokenIsReadableByThePage() {
        Challenges.bearerThenDpop(api().header("Origin", Api.WEB_ORIGIN).header("Authorization", "Bearer not-a-token").get("/auth/me")
                .then().statusCode(401)
                .header("Access-Control-Expose-Headers", containsString("WWW-Authenticate")), startsWith("Bearer"));
    }

    private static RequestSpecification fromWebApp(String refreshToken) {
        return api().cookie(RefreshCookie.NAME, refreshToken).header("Origin", Api.WEB_ORIGIN).contentType(ContentType.JSON);
    }

}
