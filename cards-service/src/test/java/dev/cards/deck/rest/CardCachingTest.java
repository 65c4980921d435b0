package dev.cards.deck.rest;

import static dev.cards.deck.support.Api.as;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * No answer about a user's cards may be stored by any cache, the browser's own included: on a
 * shared computer `private` left them in the disk cache after logout.
 */
@QuarkusTest
class CardCachingTest {

    private static final String NO_STORE = "no-store";

    private final String token = TestTokens.accessToken(TestTokens.newUser());

    @Test
    void everyCardAnswerSaysNoStore() {
        String location = as(token).contentType(ContentType.JSON).body(Map.of("question", "q", "answer", "a"))
                .post("/cards").then().statusCode(201).header("Cache-Control", NO_STORE).extract().header("Location");
        as(token).get("/cards").then().statusCode(200).header("Cache-Control", NO_STORE);
        as(token).get(location).then().statusCode(200).header("Cache-Control", NO_STORE);
        as(token).contentType(ContentType.JSON).body(Map.of("question", "q2", "answer", "a2"))
                .put(location).then().statusCode(200).header("Cache-Control", NO_STORE);
        as(token).delete(location).then().statusCode(204).header("Cache-Control", NO_STORE);
    }
}
