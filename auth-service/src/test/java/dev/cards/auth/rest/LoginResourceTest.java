package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.api;
import static dev.cards.auth.rest.Api.badRequest;
import static dev.cards.auth.rest.Api.newEmail;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class LoginResourceTest {

    @Test
    void loginReturnsBothTokensAsAnUncacheableTokenResponse() {
        String email = newEmail();
        Api.signUp(email);
        api().contentType(ContentType.JSON).body(Map.of("email", email, "password", Api.PASSWORD))
                .post("/auth/login")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(300))
                .body("refresh_expires_in", equalTo(14 * 24 * 3600))
                .body("refresh_token", matchesPattern("[A-Za-z0-9_-]{64}"))
                .body("access_token", matchesPattern("[\\w-]+\\.[\\w-]+\\.[\\w-]+"));
    }

    @Test
    void loginSetsTheRefreshTokenAsAStrictHttpOnlySecureCookie() {
        ExtractableResponse<Response> login = Api.newSession();
        String cookie = login.header("Set-Cookie");
        List<String> attributes = Arrays.stream(cookie.split(";")).map(String::strip).toList();
        assertEquals("refresh_token=" + login.path("refresh_token"), attributes.get(0));
        assertTrue(attributes.containsAll(List.of("HttpOnly", "Secure", "SameSite=Strict", "Path=/auth",
                "Max-Age=" + login.<Integer>path("refresh_expires_in"))), cookie);
        assertEquals(6, attributes.size(), cookie);
    }

    @Test
    void accessTokenCarriesTheDocumentedClaims() throws Exception {
        String email = newEmail();
        String id = Api.signUp(email);
        String token = Api.logIn(email).path("access_token");
        JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators()
                .build().processToClaims(token);
        assertEquals("http://localhost:8081", claims.getIssuer());
        assertEquals("cards-cli", claims.getStringClaimValue("client_id"));
        assertEquals(id, claims.getSubject());
        assertEquals(List.of("cards-service"), claims.getAudience());
        assertEquals(email, claims.getStringClaimValue("upn"));
        assertEquals(List.of("user"), claims.getStringListClaimValue("groups"));
        assertEquals(300, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        assertTrue(claims.getJwtId() != null && !claims.getJwtId().isBlank());
    }

    @Test
    void loginIgnoresCaseAndSurroundingSpacesInTheEmail() {
        String email = newEmail();
        Api.signUp(email);
        api().contentType(ContentType.JSON).body(Map.of("email", " " + email.toUpperCase(), "password", Api.PASSWORD))
                .post("/auth/login").then().statusCode(200);
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        String email = newEmail();
        Api.signUp(email);
        Response wrongPassword = api().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "wrong password")).post("/auth/login");
        Response unknownEmail = api().contentType(ContentType.JSON)
                .body(Map.of("email", newEmail(), "password", "wrong password")).post("/auth/login");
        wrongPassword.then().statusCode(401).contentType("application/problem+json");
        assertEquals(wrongPassword.statusCode(), unknownEmail.statusCode());
        assertEquals(wrongPassword.asString(), unknownEmail.asString());
        assertEquals(wrongPassword.header("Content-Type"), unknownEmail.header("Content-Type"));
        assertEquals(null, wrongPassword.header("Set-Cookie"));
    }

    @Test
    void unknownEmailAndWrongPasswordTakeComparableTime() {
        String email = newEmail();
        Api.signUp(email);
        int rounds = 9;
        long[] wrongPassword = new long[rounds];
        long[] unknownEmail = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            // Fresh emails each round, so the throttle (5 failures) never answers instead.
            String victim = i % 4 == 0 ? email : newEmailWithAccount();
            wrongPassword[i] = timeLogin(victim);
            unknownEmail[i] = timeLogin(newEmail());
        }
        long a = median(wrongPassword);
        long b = median(unknownEmail);
        assertTrue(Math.max(a, b) < 2 * Math.min(a, b), "medians " + a + " ms and " + b + " ms differ by 2x or more");
    }

    @Test
    void loginRejectsAMissingPassword() {
        badRequest().contentType(ContentType.JSON).body(Map.of("email", newEmail()))
                .post("/auth/login").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void loginRejectsAnOverlongPasswordBeforeHashingIt() {
        badRequest().contentType(ContentType.JSON).body(Map.of("email", newEmail(), "password", "p".repeat(129)))
                .post("/auth/login").then().statusCode(400).body("status", greaterThan(399));
    }

    private static String newEmailWithAccount() {
        String email = newEmail();
        Api.signUp(email);
        return email;
    }

    private static long timeLogin(String email) {
        long start = System.nanoTime();
        api().contentType(ContentType.JSON).body(Map.of("email", email, "password", "wrong password"))
                .post("/auth/login").then().statusCode(401);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
