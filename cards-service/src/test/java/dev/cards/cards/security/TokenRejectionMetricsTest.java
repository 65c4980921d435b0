package dev.cards.cards.security;

import static dev.cards.cards.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.cards.cards.support.ForgedTokens;
import dev.cards.cards.support.TestTokens;
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
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^cards_token_rejections_total\\{[^}]*reason=\"" + reason + "\"[^}]*\\} ([0-9.E+-]+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
