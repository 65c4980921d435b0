package dev.cards.deck.rest;

import static dev.cards.deck.rest.CardCrudTest.card;
import static dev.cards.deck.rest.CardCrudTest.create;
import static dev.cards.deck.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Optimistic concurrency: a PUT with If-Match only wins on the version the client saw. */
@QuarkusTest
class CardETagTest {

    private final String token = TestTokens.accessToken(TestTokens.newUser());

    @Test
    void putWithTheCurrentETagSucceeds() {
        var created = create(token, card("q", "a"));

        as(token).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(card("q2", "a2")).put("/cards/{id}", created.<String>path("id"))
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
    }

    @Test
    void putWithAStaleETagAnswers412AndChangesNothing() {
        var created = create(token, card("q", "a"));
        String id = created.path("id");
        String staleETag = created.header("ETag");
        as(token).contentType(ContentType.JSON).body(card("first writer", "a")).put("/cards/{id}", id)
                .then().statusCode(200);

        as(token).contentType(ContentType.JSON).header("If-Match", staleETag)
                .body(card("second writer", "a")).put("/cards/{id}", id)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("title", equalTo("Precondition Failed"));
        as(token).get("/cards/{id}", id).then().body("question", equalTo("first writer"));
    }

    @Test
    void aWeakETagNeverPassesIfMatch() {
        var created = create(token, card("q", "a"));

        as(token).contentType(ContentType.JSON).header("If-Match", "W/" + created.header("ETag"))
                .body(card("q2", "a2")).put("/cards/{id}", created.<String>path("id"))
                .then().statusCode(412);
    }

    @Test
    void ifMatchStarMatchesAnExistingCard() {
        var created = create(token, card("q", "a"));

        as(token).contentType(ContentType.JSON).header("If-Match", "*")
                .body(card("q2", "a2")).put("/cards/{id}", created.<String>path("id"))
                .then().statusCode(200);
    }

    @Test
    void getAnswersTheETagOfTheLatestVersion() {
        String id = create(token, card("q", "a")).path("id");
        as(token).contentType(ContentType.JSON).body(card("q2", "a")).put("/cards/{id}", id).then().statusCode(200);

        as(token).get("/cards/{id}", id).then().statusCode(200).header("ETag", equalTo("\"1\""));
    }

    /** The version column decides races the If-Match check alone cannot: exactly one writer wins. */
    @Test
    void parallelUpdatesWithTheSameETagHaveExactlyOneWinner() throws Exception {
        var created = create(token, card("q", "a"));
        String id = created.path("id");
        String etag = created.header("ETag");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String question = "writer " + i;
                answers.add(pool.submit(() -> as(token).contentType(ContentType.JSON).header("If-Match", etag)
                        .body(card(question, "a")).put("/cards/{id}", id).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(writers - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        as(token).get("/cards/{id}", id).then().statusCode(200).header("ETag", equalTo("\"1\""));
    }
}
