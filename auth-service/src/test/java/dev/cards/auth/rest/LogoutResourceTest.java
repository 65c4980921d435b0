package dev.cards.auth.rest;

import dev.cards.testsupport.Challenges;
import static dev.cards.auth.rest.Api.api;
import static dev.cards.auth.rest.Api.assertInvalidGrant;
import static dev.cards.auth.rest.Api.badRequest;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class LogoutResourceTest {

    private static final String CLEARED = "refresh_token=; Path=/auth; Max-Age=0; HttpOnly; Secure; SameSite=Strict";

    @Test
    void logoutWithTheCookieFromTheWebAppRevokesTheSessionAndClearsTheCookie() {
        String token = Api.newSession().path("refresh_token");
        api().cookie(RefreshCookie.NAME, token).header("Origin", Api.WEB_ORIGIN).header("X-Requested-With", "fetch")
                .contentType(ContentType.JSON).post("/auth/logout")
                .then().statusCode(204).header("Set-Cookie", equalTo(CLEARED));
        assertInvalidGrant(Api.refresh(token));
    }

    @Test
    void logoutWithABearerHeaderRevokesTheSession() {
        String token = Api.newSession().path("refresh_token");
        api().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).post("/auth/logout").then().statusCode(204);
        assertInvalidGrant(Api.refresh(token));
    }

    @Test
    void logoutServesAClientThatAcceptsOnlyProblemDetails() {
        String token = Api.newSession().path("refresh_token");
        api().accept("application/problem+json").contentType(ContentType.JSON).body(Map.of("refresh_token", token))
                .post("/auth/logout").then().statusCode(204);
        assertInvalidGrant(Api.refresh(token));
    }

    @Test
    void logoutOfAnUnknownTokenStillAnswers204() {
        api().contentType(ContentType.JSON).body(Map.of("refresh_token", "B".repeat(64))).post("/auth/logout")
                .then().statusCode(204);
        api().contentType(ContentType.JSON).post("/auth/logout").then().statusCode(204);
    }

    @Test
    void logoutLeavesTheUsersOtherSessionsAlone() {
        String email = Api.newEmail();
        Api.signUp(email);
        String phone = Api.logIn(email).path("refresh_token");
        String laptop = Api.logIn(email).path("refresh_token");
        api().header("Authorization", "Bearer " + phone).contentType(ContentType.JSON).post("/auth/logout").then().statusCode(204);
        Api.refreshed(laptop);
    }

    @Test
    void logoutAllRevokesEverySessionOfTheUser() {
        String email = Api.newEmail();
        Api.signUp(email);
        String phone = Api.logIn(email).path("refresh_token");
        var laptop = Api.logIn(email);
        String stranger = Api.newSession().path("refresh_token");
        api().header("Authorization", "Bearer " + laptop.path("access_token")).post("/auth/logout-all")
                .then().statusCode(204).header("Set-Cookie", equalTo(CLEARED));
        assertInvalidGrant(Api.refresh(phone));
        assertInvalidGrant(Api.refresh(laptop.path("refresh_token")));
        Api.refreshed(stranger);
    }

    @Test
    void logoutAllWithoutAnAccessTokenIsUnauthorized() {
        Challenges.bearerThenDpop(badRequest().post("/auth/logout-all").then().statusCode(401), "Bearer");
    }

    @Test
    void logoutAllRefusesARefreshTokenInPlaceOfAnAccessToken() {
        String token = Api.newSession().path("refresh_token");
        api().header("Authorization", "Bearer " + token).post("/auth/logout-all")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
        Api.refreshed(token);
    }
}
