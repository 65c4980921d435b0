package dev.cards.deck.rest;

import static dev.cards.deck.support.Api.as;
import static dev.cards.deck.support.Api.wrongAs;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Text the database could not store faithfully is refused with a 400 problem, on H2 and on
 * PostgreSQL alike (PostgreSQL answered NUL with a 500 and stored lone surrogates as "?").
 * Bodies are raw JSON with \\u escapes, so the test client itself never has to encode them.
 */
@QuarkusTest
class CardTextTest {

    private final String token = TestTokens.accessToken(TestTokens.newUser());

    private void rejected(String json, String field) {
        wrongAs(token).contentType(ContentType.JSON).body(json).post("/cards").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aNulCharacterInTheQuestionIsRejected() {
        rejected("{\"question\":\"a\\u0000b\",\"answer\":\"a\"}", "question");
    }

    @Test
    void aNulCharacterInTheAnswerIsRejected() {
        rejected("{\"question\":\"q\",\"answer\":\"\\u0000\"}", "answer");
    }

    @Test
    void anUnpairedSurrogateInTheAnswerIsRejected() {
        rejected("{\"question\":\"q\",\"answer\":\"x\\ud800y\"}", "answer");
    }

    @Test
    void aLoneLowSurrogateInTheQuestionIsRejected() {
        rejected("{\"question\":\"\\udc00\",\"answer\":\"a\"}", "question");
    }

    @Test
    void aControlCharacterInATagIsRejected() {
        rejected("{\"question\":\"q\",\"answer\":\"a\",\"tags\":[\"ok\",\"bell\\u0007\"]}", "tags[1]");
    }

    @Test
    void aNulCharacterInAnUpdateIsRejected() {
        String id = as(token).contentType(ContentType.JSON).body(Map.of("question", "q", "answer", "a"))
                .post("/cards").then().statusCode(201).extract().path("id");
        wrongAs(token).contentType(ContentType.JSON).body("{\"question\":\"q\",\"answer\":\"\\u0000\"}")
                .put("/cards/" + id).then().statusCode(400).body("errors.field", hasItem("answer"));
    }

    @Test
    void lineBreaksTabsAndSurrogatePairsAreStoredAsSent() {
        String answer = "line one\r\nline two\tindented 😀 josé";
        String id = as(token).contentType(ContentType.JSON)
                .body(Map.of("question", "multi-line?", "answer", answer, "tags", List.of("emoji 😀")))
                .post("/cards").then().statusCode(201).body("answer", equalTo(answer)).extract().path("id");
        as(token).get("/cards/" + id).then().statusCode(200)
                .body("answer", equalTo(answer)).body("tags[0]", equalTo("emoji 😀"));
    }
}
