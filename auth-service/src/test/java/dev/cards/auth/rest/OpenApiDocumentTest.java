package dev.cards.auth.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cards.testsupport.Management;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed API document is what the service serves: the client is generated from it, and
 * reviewers see API changes as its diff. Regenerate with
 * {@code ./mvnw -pl auth-service test -Dtest=OpenApiDocumentTest -Dopenapi.write=true}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("src/main/openapi/auth-api.yaml");

    @Test
    void committedDocumentMatchesTheServedOne() throws Exception {
        String served = Management.given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, served);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode expected = yaml.readTree(Files.readString(COMMITTED));
        assertEquals(expected, yaml.readTree(served),
                "The served OpenAPI document differs from " + COMMITTED + "; regenerate it (see this test's javadoc)");
    }
}
