package dev.cards.deck.rest;

import static dev.cards.deck.rest.CardCrudTest.card;
import static dev.cards.deck.rest.CardCrudTest.create;
import static dev.cards.deck.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Another user's card must look exactly like a missing one: 404, never 403. */
@QuarkusTest
class CardIsolationTest {

    private final String alice = TestTokens.accessToken(TestTokens.newUser());
    private final String bob = TestTokens.accessToken(TestTokens.newUser());

    @Test
    void anotherUsersCardIsNotFoundForReading() {
        String id = create(alice, card("alice's", "secret")).path("id");

        as(bob).get("/cards/{id}", id).then().statusCode(404).body("detail", equalTo("No card with this id"));
    }

    @Test
    void anotherUsersCardIsNotFoundForUpdatingAndStaysUnchanged() {
        String id = create(alice, card("alice's", "secret")).path("id");

        as(bob).contentType(ContentType.JSON).body(card("bob's now", "x")).put("/cards/{id}", id)
                .then().statusCode(404);
        as(alice).get("/cards/{id}", id).then().statusCode(200).body("question", equalTo("alice's"));
    }

    @Test
    void anotherUsersCardIsNotFoundForDeletingAndSurvives() {
        String id = create(alice, card("alice's", "secret")).path("id");

        as(bob).delete("/cards/{id}", id).then().statusCode(404);
        as(alice).get("/cards/{id}", id).then().statusCode(200);
    }

    @Test
    void aListNeverShowsAnotherUsersCards() {
        String alicesCard = create(alice, card("alice's", "a")).path("id");
        String bobsCard = create(bob, card("bob's", "b")).path("id");

        as(alice).queryParam("size", 100).get("/cards")
                .then().statusCode(200)
                .body("items.id", hasItem(alicesCard))
                .body("items.id", not(hasItem(bobsCard)))
                .body("items.question", everyItem(equalTo("alice's")))
                .body("total", equalTo(1));
    }
}
