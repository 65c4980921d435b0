package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.api;
import static dev.cards.auth.rest.Api.badRequest;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Issue 24: the sessions a user sees and ends, password change, account deletion and its outbox. */
@QuarkusTest
class AccountResourceTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private static final String CLIENT_SECRET = "cards-service-local-secret";

    private static ExtractableResponse<Response> logInAs(String email, String userAgent) {
        return api().contentType(ContentType.JSON).header("User-Agent", userAgent)
                .body(Map.of("email", email, "password", Api.PASSWORD)).post("/auth/login").then().statusCode(200).extract();
    }

    private static JsonPath sessions(String accessToken) {
        return api().header("Authorization", "Bearer " + accessToken).get("/auth/sessions").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().jsonPath();
    }

    private static String idOf(JsonPath sessions, String device) {
        return sessions.getString("items.find { it.device == '" + device + "' }.id");
    }

    @Test
    void aUserSignedInFromThreeClientsSeesThreeSessionsAndEndsOneWhoseRefreshThenFails() {
        String email = Api.newEmail();
        Api.signUp(email);
        var browser = logInAs(email, FIREFOX);
        var curl = logInAs(email, "curl/8.5.0");
        var cli = logInAs(email, "cards-cli/1.0 (Java 17)");

        JsonPath list = sessions(browser.path("access_token"));
        assertThat(list.getList("items.device"), containsInAnyOrder("Firefox on Linux", "curl/8.5.0", "cards-cli/1.0"));
        assertEquals(List.of(true), list.getList("items.findAll { it.current }.current"));
        assertEquals("Firefox on Linux", list.getString("items.find { it.current }.device"));
        assertThat(list.getList("items.address"), hasItem("127.0.0.0/24"));
        // Nothing that could refresh: no token, no hash, no internal id.
        for (Map<String, Object> item : list.<Map<String, Object>>getList("items")) {
            assertEquals(List.of("address", "client", "current", "device", "dpop_bound", "id", "last_used_at", "started_at"),
                    item.keySet().stream().sorted().toList());
        }

        api().header("Authorization", "Bearer " + (String) browser.path("access_token"))
                .delete("/auth/sessions/" + idOf(list, "curl/8.5.0")).then().statusCode(204);
        Api.assertInvalidGrant(Api.refresh(curl.path("refresh_token")));
        Api.refreshed(browser.path("refresh_token"));
        Api.refreshed(cli.path("refresh_token"));
        assertEquals(2, sessions(browser.path("access_token")).getList("items").size());
    }

    @Test
    void anotherUsersSessionIdAnswers404AndLeavesTheSessionAlone() {
        String email = Api.newEmail();
        Api.signUp(email);
        var victim = logInAs(email, FIREFOX);
        String victimSession = sessions(victim.path("access_token")).getString("items[0].id");
        String attacker = Api.newSession().path("access_token");
        badRequest().header("Authorization", "Bearer " + attacker).delete("/auth/sessions/" + victimSession)
                .then().statusCode(404).contentType("application/problem+json");
        badRequest().header("Authorization", "Bearer " + attacker).delete("/auth/sessions/not-an-id").then().statusCode(404);
        Api.refreshed(victim.path("refresh_token"));
    }

    @Test
    void thePasswordChangeEndsEveryOtherSessionAndKeepsTheCallers() {
        String email = Api.newEmail();
        Api.signUp(email);
        var mine = logInAs(email, FIREFOX);
        var other = logInAs(email, "curl/8.5.0");
        String newPassword = "a new and longer passphrase";

        api().header("Authorization", "Bearer " + (String) mine.path("access_token")).contentType(ContentType.JSON)
                .body(Map.of("current_password", Api.PASSWORD, "new_password", newPassword)).post("/auth/password")
                .then().statusCode(204).header("Cache-Control", "no-store");

        Api.assertInvalidGrant(Api.refresh(other.path("refresh_token")));
        Api.refreshed(mine.path("refresh_token"));
        badRequest().contentType(ContentType.JSON).body(Map.of("email", email, "password", Api.PASSWORD)).post("/auth/login")
                .then().statusCode(401);
        api().contentType(ContentType.JSON).body(Map.of("email", email, "password", newPassword)).post("/auth/login")
                .then().statusCode(200);
    }

    @Test
    void aWrongCurrentPasswordIs403AndChangesNothing() {
        String email = Api.newEmail();
        Api.signUp(email);
        var mine = logInAs(email, FIREFOX);
        var other = logInAs(email, "curl/8.5.0");
        badRequest().header("Authorization", "Bearer " + (String) mine.path("access_token")).contentType(ContentType.JSON)
                .body(Map.of("current_password", "not the password", "new_password", "whatever it would be"))
                .post("/auth/password").then().statusCode(403).contentType("application/problem+json");
        badRequest().header("Authorization", "Bearer " + (String) mine.path("access_token")).contentType(ContentType.JSON)
                .body(Map.of("current_password", Api.PASSWORD, "new_password", "short")).post("/auth/password")
                .then().statusCode(400).body("errors[0].field", equalTo("new_password"));
        Api.refreshed(other.path("refresh_token"));
        Api.logIn(email);
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledLikeALogin() {
        String email = Api.newEmail();
        Api.signUp(email);
        String access = logInAs(email, FIREFOX).path("access_token");
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            int status = badRequest().header("Authorization", "Bearer " + access).contentType(ContentType.JSON)
                    .body(Map.of("current_password", "guess " + i, "new_password", "whatever it would be"))
                    .post("/auth/password").then().extract().statusCode();
            assertTrue(status == 403 || status == 429, "status " + status);
            throttled += status == 429 ? 1 : 0;
        }
        assertTrue(throttled > 0, "no guess was throttled");
    }

    @Test
    void deletingTheAccountEndsEverySessionQueuesTheCardsDeletionAndANewAccountIsANewUser() {
        String email = Api.newEmail();
        String oldId = Api.signUp(email);
        var mine = logInAs(email, FIREFOX);
        var other = logInAs(email, "curl/8.5.0");

        badRequest().header("Authorization", "Bearer " + (String) mine.path("access_token")).contentType(ContentType.JSON)
                .body(Map.of("password", "wrong")).post("/auth/account/deletion").then().statusCode(403);
        api().header("Authorization", "Bearer " + (String) mine.path("access_token")).contentType(ContentType.JSON)
                .body(Map.of("password", Api.PASSWORD)).post("/auth/account/deletion").then().statusCode(204)
                .header("Set-Cookie", org.hamcrest.Matchers.startsWith("refresh_token=;"));

        Api.assertInvalidGrant(Api.refresh(mine.path("refresh_token")));
        Api.assertInvalidGrant(Api.refresh(other.path("refresh_token")));
        badRequest().contentType(ContentType.JSON).body(Map.of("email", email, "password", Api.PASSWORD)).post("/auth/login")
                .then().statusCode(401);

        String feedToken = clientToken();
        List<String> pending = RestAssured.given().header("Authorization", "Bearer " + feedToken)
                .get("/internal/account-deletions").then().statusCode(200).extract().jsonPath().getList("items.user_id");
        assertThat(pending, hasItem(oldId));
        RestAssured.given().header("Authorization", "Bearer " + feedToken).delete("/internal/account-deletions/" + oldId)
                .then().statusCode(204);
        assertThat(RestAssured.given().header("Authorization", "Bearer " + feedToken).get("/internal/account-deletions")
                .then().statusCode(200).extract().jsonPath().getList("items.user_id"), not(hasItem(oldId)));

        assertNotEquals(oldId, Api.signUp(email), "the same email is a new user");
    }

    @Test
    void theDeletionFeedTakesOnlyAConsumersClientToken() {
        String userToken = Api.newSession().path("access_token");
        RestAssured.given().header("Authorization", "Bearer " + userToken).get("/internal/account-deletions")
                .then().statusCode(401);
        RestAssured.given().get("/internal/account-deletions").then().statusCode(401);
        // And a client token is no user's: /auth/me refuses it.
        RestAssured.given().header("Authorization", "Bearer " + clientToken()).get("/auth/me").then().statusCode(401);
    }

    @Test
    void theClientCredentialsGrantHandsOutNoRefreshToken() {
        RestAssured.given().auth().preemptive().basic("cards-service", CLIENT_SECRET)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/oauth2/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer"))
                .body("$", not(org.hamcrest.Matchers.hasKey("refresh_token")))
                .body("$", not(org.hamcrest.Matchers.hasKey("refresh_expires_in")));
        RestAssured.given().auth().preemptive().basic("cards-service", "wrong")
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/oauth2/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    static String clientToken() {
        return RestAssured.given().auth().preemptive().basic("cards-service", CLIENT_SECRET)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
