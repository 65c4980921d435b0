package dev.cards.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.cards.testsupport.Management;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health lives on the management interface, metrics too; the public port has neither. */
@QuarkusTest
class HealthTest {

    @Test
    void livenessIsUpOnTheManagementPort() {
        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessChecksTheDatabase() {
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void thePublicPortServesNeitherHealthNorMetrics() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/junk1/../q/health/live").then().statusCode(404);
    }
}
