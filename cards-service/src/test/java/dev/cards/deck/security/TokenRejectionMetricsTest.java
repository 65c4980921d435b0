package dev.cards.deck.security;

import static dev.cards.deck.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cards.testsupport.Management;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.ForgedTokens;
import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TokenRejectionMetricsTest {

    @Test
    void rejectionsAreCountedByReason() {
        String user = TestTokens.newUser();
        double expired = rejections("expired");
        double invalid = rejections("invalid");
        Instant past = Instant.now().minusSeconds(600);
        as(TestTokens.sign(TestTokens.claims(user).issuedAt(past.minusSeconds(300)).expiresAt(past), TestTokens.primaryKey()))
                .get("/cards").then().statusCode(401);
        as(ForgedTokens.withTamperedSignature(TestTokens.accessToken(user))).get("/cards").then().statusCode(401);
        assertEquals(expired + 1, rejections("expired"));
        assertEquals(invalid + 1, rejections("invalid"));
    }

    private static double rejections(String reason) {
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^cards_token_rejections_total\\{[^}]*reason=\"" + reason + "\"[^}]*\\} ([0-9.E+-]+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** Made-up paths must not become URI tags (100 of them used to push real endpoints out); ids neither. */
    @Test
    void onlyRouteTemplatesAreRecorded() {
        String token = TestTokens.accessToken(TestTokens.newUser());
        for (int i = 0; i < 5; i++) {
            given().get("/junk" + i + "/../q/health/live");
            given().header("Authorization", "Bearer " + token).get("/cards/junk" + i);
            given().header("X-Padding", "p".repeat(20_000)).get("/cards/junk-big" + i);
        }
        String id = as(token).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("question", "q", "answer", "a")).post("/cards").then().statusCode(201)
                .extract().path("id");
        as(token).get("/cards/" + id).then().statusCode(200);
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        String uris = String.join(" ", Pattern.compile("uri=\"[^\"]*\"").matcher(metrics).results().map(r -> r.group()).toList());
        org.junit.jupiter.api.Assertions.assertFalse(uris.contains("junk") || uris.contains(id), "a raw path became a tag: " + uris);
        org.junit.jupiter.api.Assertions.assertTrue(uris.contains("uri=\"/cards/{id}\""), "the template is recorded: " + uris);
    }

    @Test
    void thePublicPortServesNeitherHealthNorMetrics() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        Management.given().get("/q/health/live").then().statusCode(200);
    }
}
