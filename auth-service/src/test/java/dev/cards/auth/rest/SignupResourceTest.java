package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.api;
import static dev.cards.auth.rest.Api.badRequest;
import static dev.cards.auth.rest.Api.newEmail;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SignupResourceTest {

    @Test
    void signupCreatesAnAccountWithANormalisedEmail() {
        String email = newEmail();
        api().contentType(ContentType.JSON)
                .body(Map.of("email", "  " + email.toUpperCase() + " ", "password", Api.PASSWORD))
                .post("/auth/signup")
                .then().statusCode(201)
                .header("Location", endsWith("/auth/me"))
                .body("email", equalTo(email))
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")));
    }

    @Test
    void signupWithATakenEmailIsAConflict() {
        String email = newEmail();
        Api.signUp(email);
        api().contentType(ContentType.JSON).body(Map.of("email", email.toUpperCase(), "password", "another password"))
                .post("/auth/signup")
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
    }

    @Test
    void signupRejectsAMalformedEmail() {
        badRequest().contentType(ContentType.JSON).body(Map.of("email", "not-an-email", "password", Api.PASSWORD))
                .post("/auth/signup")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
    }

    @Test
    void signupRejectsAPasswordShorterThanEight() {
        badRequest().contentType(ContentType.JSON).body(Map.of("email", newEmail(), "password", "1234567"))
                .post("/auth/signup")
                .then().statusCode(400).body("errors.field", hasItem("password"));
    }

    @Test
    void signupAcceptsAnyEightCharactersWithoutCompositionRules() {
        api().contentType(ContentType.JSON).body(Map.of("email", newEmail(), "password", "aaaaaaaa"))
                .post("/auth/signup").then().statusCode(201);
    }

    @Test
    void signupRejectsAPasswordLongerThan128() {
        badRequest().contentType(ContentType.JSON).body(Map.of("email", newEmail(), "password", "p".repeat(129)))
                .post("/auth/signup")
                .then().statusCode(400).body("errors.field", hasItem("password"));
    }

    @Test
    void signupRejectsMissingFields() {
        badRequest().contentType(ContentType.JSON).body("{}")
                .post("/auth/signup")
                .then().statusCode(400).body("errors.field", hasItem("email")).body("errors.field", hasItem("password"));
    }

    @Test
    void signupRejectsAnEmptyBody() {
        badRequest().contentType(ContentType.JSON).post("/auth/signup")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void signupRejectsMalformedJson() {
        badRequest().contentType(ContentType.JSON).body("{\"email\": ")
                .post("/auth/signup")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("JSON"));
    }

    @Test
    void signupRejectsJsonOfTheWrongShape() {
        badRequest().contentType(ContentType.JSON).body("[1, 2, 3]")
                .post("/auth/signup")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void signupRejectsAFormBodyAsUnsupported() {
        badRequest().contentType(ContentType.URLENC).formParam("email", newEmail())
                .post("/auth/signup")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void signupRejectsAnOversizedBody() {
        badRequest().contentType(ContentType.JSON)
                .body(Map.of("email", newEmail(), "password", "p".repeat(20_000)))
                .post("/auth/signup")
                .then().statusCode(413).contentType("application/problem+json");
    }

    /** A client-chosen Host must not end up in Location. */
    @Test
    void locationIsRelativeWhateverTheHostHeaderSays() {
        api().header("Host", "evil.example").contentType(ContentType.JSON)
                .body(Map.of("email", newEmail(), "password", Api.PASSWORD))
                .post("/auth/signup")
                .then().statusCode(201).header("Location", equalTo("/auth/me"));
    }
}
