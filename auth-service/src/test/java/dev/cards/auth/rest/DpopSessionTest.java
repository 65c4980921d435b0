package dev.cards.auth.rest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cards.testsupport.DpopKey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** RFC 9449 on the first-party JSON endpoints: a bound session, its refreshes, and bound access tokens at /auth/me. */
@QuarkusTest
class DpopSessionTest {

    static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    private static RequestSpecification json() {
        return RestAssured.given().log().ifValidationFails().contentType(ContentType.JSON);
    }

    /** The nonce, from a first login attempt's problem: 400, error use_dpop_nonce, DPoP-Nonce. */
    private static String nonce(DpopKey key, String email) {
        return json().header("DPoP", key.proof("POST", url("/auth/login"), null))
                .body(Map.of("email", email, "password", Api.PASSWORD)).post("/auth/login")
                .then().statusCode(400).contentType("application/problem+json").body("error", equalTo("use_dpop_nonce"))
                .header("DPoP-Nonce", not(emptyOrNullString())).extract().header("DPoP-Nonce");
    }

    private static Response boundLogin(DpopKey key, String email) {
        return json().header("DPoP", key.proof("POST", url("/auth/login"), nonce(key, email)))
                .body(Map.of("email", email, "password", Api.PASSWORD)).post("/auth/login");
    }

    private static Response refresh(String refreshToken, String proof) {
        RequestSpecification request = json().body(Map.of("refresh_token", refreshToken));
        return (proof == null ? request : request.header("DPoP", proof)).post("/auth/refresh");
    }

    @Test
    void aLoginWithAProofStartsABoundSessionWhoseRefreshNeedsTheKey() {
        String email = Api.newEmail();
        Api.signUp(email);
        DpopKey key = DpopKey.generate();
        Response login = boundLogin(key, email);
        login.then().statusCode(200).body("token_type", equalTo("DPoP"));
        String refreshToken = login.path("refresh_token");
        String nonce = login.header("DPoP-Nonce");

        Api.assertInvalidGrant(refresh(refreshToken, null));
        Api.assertInvalidGrant(refresh(refreshToken, DpopKey.generate().proof("POST", url("/auth/refresh"), nonce)));
        refresh(refreshToken, key.proof("POST", url("/auth/refresh"), nonce)).then().statusCode(200)
                .body("token_type", equalTo("DPoP"));
    }

    @Test
    void aBoundAccessTokenNeedsTheDpopSchemeAndAProofByItsKeyAtMe() {
        String email = Api.newEmail();
        Api.signUp(email);
        DpopKey key = DpopKey.generate();
        String access = boundLogin(key, email).then().statusCode(200).extract().path("access_token");

        RestAssured.given().header("Authorization", "Bearer " + access).get("/auth/me").then().statusCode(401)
                .body("error", equalTo("invalid_token")).body("detail", containsString("bound to a DPoP key"));
        RestAssured.given().header("Authorization", "DPoP " + access).get("/auth/me").then().statusCode(401)
                .body("error", equalTo("invalid_dpop_proof"));
        Response anotherKey = RestAssured.given().header("Authorization", "DPoP " + access)
                .header("DPoP", DpopKey.generate().proof("GET", url("/auth/me"), access, null)).get("/auth/me");
        anotherKey.then().statusCode(401).body("error", equalTo("invalid_dpop_proof"));
        assertThat(anotherKey.headers().getValues("WWW-Authenticate"), hasItem(startsWith("DPoP error=\"invalid_dpop_proof\"")));
        // A proof of the right key made for another token (its ath) is refused too.
        RestAssured.given().header("Authorization", "DPoP " + access)
                .header("DPoP", key.proof("GET", url("/auth/me"), "another-token", null)).get("/auth/me")
                .then().statusCode(401).body("error", equalTo("invalid_dpop_proof"));

        String proof = key.proof("GET", url("/auth/me"), access, null);
        RestAssured.given().header("Authorization", "DPoP " + access).header("DPoP", proof).get("/auth/me")
                .then().statusCode(200).body("email", equalTo(email));
        RestAssured.given().header("Authorization", "DPoP " + access).header("DPoP", proof).get("/auth/me")
                .then().statusCode(401).body("error", equalTo("invalid_dpop_proof")).body("detail", containsString("jti"));
    }

    @Test
    void anUnboundTokenSentAsDpopIsRefusedAndEvery401NamesBothSchemes() {
        String access = Api.newSession().path("access_token");
        Response response = RestAssured.given().header("Authorization", "DPoP " + access)
                .header("DPoP", DpopKey.generate().proof("GET", url("/auth/me"), access, null)).get("/auth/me");
        response.then().statusCode(401).body("error", equalTo("invalid_token"));
        assertThat(response.headers().getValues("WWW-Authenticate"), hasItem(startsWith("Bearer error=\"invalid_token\"")));
        assertThat(response.headers().getValues("WWW-Authenticate"), hasItem(startsWith("DPoP algs=\"ES256")));
        Response anonymous = RestAssured.get("/auth/me");
        anonymous.then().statusCode(401);
        assertThat(anonymous.headers().getValues("WWW-Authenticate"), hasItem("Bearer"));
        assertThat(anonymous.headers().getValues("WWW-Authenticate"), hasItem(startsWith("DPoP algs=\"ES256")));
    }

    @Test
    void aBrowserRefreshByCookieOfABoundSessionNeedsTheProofToo() {
        String email = Api.newEmail();
        Api.signUp(email);
        DpopKey key = DpopKey.generate();
        Response login = json().header("Origin", Api.WEB_ORIGIN).header("DPoP", key.proof("POST", url("/auth/login"),
                nonce(key, email))).body(Map.of("email", email, "password", Api.PASSWORD)).post("/auth/login");
        login.then().statusCode(200).body("token_type", equalTo("DPoP")).body("refresh_token", nullValue());
        String cookie = login.cookie("refresh_token");

        RequestSpecification byCookie = RestAssured.given().header("Origin", Api.WEB_ORIGIN)
                .header("X-Requested-With", "XMLHttpRequest").cookie("refresh_token", cookie);
        byCookie.post("/auth/refresh").then().statusCode(401).body("error", equalTo("invalid_grant"));
        RestAssured.given().header("Origin", Api.WEB_ORIGIN).header("X-Requested-With", "XMLHttpRequest")
                .cookie("refresh_token", cookie).header("DPoP", key.proof("POST", url("/auth/refresh"), login.header("DPoP-Nonce")))
                .post("/auth/refresh").then().statusCode(200).body("token_type", equalTo("DPoP"));
    }
}
