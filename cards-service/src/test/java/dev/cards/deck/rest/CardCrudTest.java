package dev.cards.deck.rest;

import static dev.cards.deck.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class CardCrudTest {

    private final String token = TestTokens.accessToken(TestTokens.newUser());

    static Map<String, Object> card(String question, String answer, String... tags) {
        return Map.of("question", question, "answer", answer, "tags", List.of(tags));
    }

    static ExtractableResponse<Response> create(String token, Map<String, Object> card) {
        return as(token).contentType(ContentType.JSON).body(card)
                .post("/cards").then().statusCode(201).extract();
    }

    @Test
    void createAnswers201WithLocationETagAndTheCard() {
        as(token).contentType(ContentType.JSON).body(card("2+2?", "4", "math", "easy"))
                .post("/cards")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", not(emptyOrNullString()))
                .header("ETag", equalTo("\"0\""))
                .body("question", equalTo("2+2?"))
                .body("answer", equalTo("4"))
                .body("tags", contains("math", "easy"))
                .body("version", equalTo(0))
                .body("createdAt", not(emptyOrNullString()))
                .body("updatedAt", not(emptyOrNullString()));
    }

    @Test
    void createWithoutTagsStoresAnEmptyList() {
        as(token).contentType(ContentType.JSON).body(Map.of("question", "q", "answer", "a"))
                .post("/cards")
                .then().statusCode(201).body("tags", is(List.of()));
    }

    @Test
    void locationOfACreatedCardReadsItBackWithItsETag() {
        var created = create(token, card("capital of France?", "Paris", "geo"));
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith("/cards/" + id));

        as(token).get("/cards/{id}", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("question", equalTo("capital of France?"))
                .body("answer", equalTo("Paris"))
                .body("tags", contains("geo"))
                .body("createdAt", equalTo(created.path("createdAt")));
    }

    @Test
    void updateReplacesTheContentAndAnswersTheNewETag() {
        String id = create(token, card("q", "a", "old")).path("id");

        as(token).contentType(ContentType.JSON).body(card("q2", "a2", "new"))
                .put("/cards/{id}", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("question", equalTo("q2"))
                .body("answer", equalTo("a2"))
                .body("tags", contains("new"))
                .body("version", equalTo(1));
        as(token).get("/cards/{id}", id).then().statusCode(200).body("question", equalTo("q2"));
    }

    @Test
    void deleteServesAClientThatAcceptsOnlyProblemDetails() {
        String id = create(token, card("q", "a")).path("id");
        as(token).accept("application/problem+json").delete("/cards/{id}", id).then().statusCode(204);
    }

    @Test
    void deleteAnswers204AndTheCardIsGone() {
        String id = create(token, card("q", "a")).path("id");

        as(token).delete("/cards/{id}", id).then().statusCode(204);
        as(token).get("/cards/{id}", id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        as(token).delete("/cards/{id}", id).then().statusCode(404);
    }

    @Test
    void updateOfAMissingCardAnswers404() {
        as(token).contentType(ContentType.JSON).body(card("q", "a"))
                .put("/cards/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedIdAnswers404NotAServerError() {
        as(token).get("/cards/{id}", "not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not Found"))
                .body("type", equalTo("about:blank"));
        as(token).delete("/cards/{id}", "1234").then().statusCode(404);
    }

    /** A client-chosen Host must not end up in Location (it would send the next request to evil.example). */
    @Test
    void locationIsRelativeWhateverTheHostHeaderSays() {
        String location = as(token).header("Host", "evil.example").contentType(ContentType.JSON)
                .body(java.util.Map.of("question", "q", "answer", "a"))
                .post("/cards").then().statusCode(201).extract().header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(location.matches("/cards/[0-9a-f-]{36}"), location);
    }
}
