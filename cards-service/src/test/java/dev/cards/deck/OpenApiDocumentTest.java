package dev.cards.deck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cards.testsupport.Management;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.cards.deck.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The committed document (src/main/openapi/cards-api.yaml) must be what the service serves.
 * Regenerate it with
 * {@code ./mvnw -pl cards-service test -Dtest=OpenApiDocumentTest -Dopenapi.write=true}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void committedDocumentMatchesTheServedOne() throws Exception {
        String served = Management.given().queryParam("format", "yaml")
                .get("/q/openapi").then().statusCode(200).extract().asString();
        Path document = Path.of(Api.DOCUMENT);
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(document.getParent());
            Files.writeString(document, served);
        }
        JsonNode committed = YAML.readTree(Files.readString(document));
        assertEquals(YAML.readTree(served), committed,
                "cards-api.yaml is stale; regenerate it with -Dtest=OpenApiDocumentTest -Dopenapi.write=true");
    }
}
