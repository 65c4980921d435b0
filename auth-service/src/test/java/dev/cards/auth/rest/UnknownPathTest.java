package dev.cards.auth.rest;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Paths nothing serves answer a problem-details 404 too, not the framework's default page. */
@QuarkusTest
class UnknownPathTest {

    @Test
    void aPathOutsideEveryResourceAnswers404Problem() {
        RestAssured.given().get("/no/such/path").then().statusCode(404)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404));
    }
}
