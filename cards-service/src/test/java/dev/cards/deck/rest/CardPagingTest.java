package dev.cards.deck.rest;

import static dev.cards.deck.rest.CardCrudTest.card;
import static dev.cards.deck.rest.CardCrudTest.create;
import static dev.cards.deck.support.Api.as;
import static dev.cards.deck.support.Api.wrongAs;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CardPagingTest {

    private final String token = TestTokens.accessToken(TestTokens.newUser());

    @Test
    void listIsNewestFirstAndPaged() {
        for (int i = 1; i <= 3; i++) {
            create(token, card("q" + i, "a"));
        }

        as(token).queryParam("page", 0).queryParam("size", 2).get("/cards")
                .then().statusCode(200)
                .body("items.question", contains("q3", "q2"))
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3));
        as(token).queryParam("page", 1).queryParam("size", 2).get("/cards")
                .then().statusCode(200).body("items.question", contains("q1"));
        as(token).queryParam("page", 2).queryParam("size", 2).get("/cards")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(3));
    }

    @Test
    void defaultsArePageZeroOfTwenty() {
        as(token).get("/cards").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(20)).body("total", equalTo(0));
    }

    @ParameterizedTest
    @CsvSource({ "1", "100" })
    void sizeAtTheBoundsIsAccepted(String size) {
        as(token).queryParam("size", size).get("/cards").then().statusCode(200).body("size", equalTo(Integer.parseInt(size)));
    }

    @ParameterizedTest
    @CsvSource({ "size, 0", "size, 101", "size, -1", "size, abc", "size, 1.5", "page, -1", "page, x" })
    void outOfRangeOrNonNumericPagingAnswers400(String parameter, String value) {
        wrongAs(token).queryParam(parameter, value).get("/cards")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad Request"))
                .body("errors[0].field", equalTo(parameter));
    }
}
