package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.api;
import static dev.cards.auth.rest.Api.badRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.text.Normalizer;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Text the database could not store faithfully is refused with a 400 problem, on H2 and on
 * PostgreSQL alike (PostgreSQL answered a NUL in an email with a 500 and stored a lone surrogate
 * as "?", merging distinct emails). Bodies are raw JSON with \\u escapes.
 */
@QuarkusTest
class TextInputTest {

    private static void rejected(String path, String json, String field) {
        badRequest().contentType(ContentType.JSON).body(json).post(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aNulCharacterInALoginEmailIsRejected() {
        rejected("/auth/login", "{\"email\":\"a\\u0000@example.com\",\"password\":\"whatever\"}", "email");
    }

    @Test
    void aNulCharacterInASignupEmailIsRejected() {
        rejected("/auth/signup", "{\"email\":\"a\\u0000@example.com\",\"password\":\"" + Api.PASSWORD + "\"}", "email");
    }

    @Test
    void anUnpairedSurrogateInASignupEmailIsRejected() {
        rejected("/auth/signup", "{\"email\":\"a\\ud800@example.com\",\"password\":\"" + Api.PASSWORD + "\"}", "email");
    }

    @Test
    void anUnpairedSurrogateInAPasswordIsRejected() {
        // It would be hashed as "?" and so match every other such password.
        rejected("/auth/signup", "{\"email\":\"" + Api.newEmail() + "\",\"password\":\"long enough \\udc00\"}", "password");
    }

    @Test
    void aControlCharacterInALoginPasswordIsRejected() {
        rejected("/auth/login", "{\"email\":\"" + Api.newEmail() + "\",\"password\":\"esc\\u001b\"}", "password");
    }

    @Test
    void aControlCharacterInARefreshTokenBodyIsRejected() {
        // Named as the client sent it (the JSON name), not as the Java record calls it.
        rejected("/auth/refresh", "{\"refresh_token\":\"\\u0000\"}", "refresh_token");
    }

    @Test
    void nfcAndNfdSpellingsOfAnEmailAreOneAccount() {
        String local = "josé-" + UUID.randomUUID();
        String nfc = Normalizer.normalize(local, Normalizer.Form.NFC) + "@example.com";
        String nfd = Normalizer.normalize(local, Normalizer.Form.NFD) + "@example.com";
        Api.signUp(nfc);
        api().contentType(ContentType.JSON).body(Map.of("email", nfd, "password", "another password"))
                .post("/auth/signup").then().statusCode(409);
        api().contentType(ContentType.JSON).body(Map.of("email", nfd.toUpperCase(), "password", Api.PASSWORD))
                .post("/auth/login").then().statusCode(200);
    }

    @Test
    void fullWidthLettersAreTheSameEmail() {
        String id = UUID.randomUUID().toString();
        String plain = "ada-" + id + "@example.com";
        api().contentType(ContentType.JSON).body(Map.of("email", "ＡＤＡ-" + id + "@example.com", "password", Api.PASSWORD))
                .post("/auth/signup").then().statusCode(201).body("email", equalTo(plain));
        Api.logIn(plain);
    }
}
