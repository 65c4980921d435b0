package dev.cards.deck.rest;

import static dev.cards.deck.support.Api.as;
import static dev.cards.deck.support.Api.wrongAs;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Field limits: question 1..1000, answer 1..4000, at most 10 tags of 1..32 characters. */
@QuarkusTest
class CardValidationTest {

    private final String token = TestTokens.accessToken(TestTokens.newUser());

    /** Sends a body that breaks the documented schema on purpose: only the answer is validated. */
    private ValidatableResponse post(Object body) {
        return wrongAs(token).contentType(ContentType.JSON).body(body).post("/cards").then();
    }

    private static Map<String, Object> card(String question, String answer, List<String> tags) {
        Map<String, Object> card = new HashMap<>();
        card.put("question", question);
        card.put("answer", answer);
        card.put("tags", tags);
        return card;
    }

    private void rejected(Object body, String field) {
        post(body).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @Test
    void limitsAreAcceptedExactly() {
        as(token).contentType(ContentType.JSON)
                .body(card("q".repeat(1000), "a".repeat(4000), Collections.nCopies(10, "t".repeat(32))))
                .post("/cards").then().statusCode(201);
    }

    @Test
    void missingQuestionIsRejected() {
        rejected(card(null, "a", List.of()), "question");
    }

    @Test
    void blankQuestionIsRejected() {
        rejected(card("  ", "a", List.of()), "question");
    }

    @Test
    void tooLongQuestionIsRejected() {
        rejected(card("q".repeat(1001), "a", List.of()), "question");
    }

    @Test
    void emptyAnswerIsRejected() {
        rejected(card("q", "", List.of()), "answer");
    }

    @Test
    void tooLongAnswerIsRejected() {
        rejected(card("q", "a".repeat(4001), List.of()), "answer");
    }

    @Test
    void elevenTagsAreRejected() {
        rejected(card("q", "a", Collections.nCopies(11, "t")), "tags");
    }

    @Test
    void tooLongTagIsRejected() {
        rejected(card("q", "a", List.of("ok", "t".repeat(33))), "tags[1]");
    }

    @Test
    void emptyTagIsRejected() {
        rejected(card("q", "a", List.of("")), "tags[0]");
    }

    @Test
    void malformedJsonAnswers400Problem() {
        post("{\"question\": ").statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request body is not valid JSON"));
    }

    @Test
    void wrongJsonTypeAnswers400Problem() {
        post("{\"question\":\"q\",\"answer\":\"a\",\"tags\":\"not-a-list\"}").statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void missingBodyAnswers400Problem() {
        wrongAs(token).contentType(ContentType.JSON).post("/cards").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
