package dev.cards.cards.rest;

import static dev.cards.cards.support.Api.wrong;
import static dev.cards.cards.support.Api.wrongAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;

import dev.cards.cards.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The framework's own refusals come out as RFC 9457 problem details too (requests wrong on purpose). */
@QuarkusTest
class FrameworkProblemTest {

    private final String token = TestTokens.accessToken(TestTokens.newUser());

    @Test
    void unknownPathAnswers404Problem() {
        wrong().get("/no/such/path").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404));
    }

    @Test
    void unknownPathWithATokenAnswers404Problem() {
        wrongAs(token).get("/cardz").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodAnswers405ProblemWithAllow() {
        wrongAs(token).contentType(ContentType.JSON).body("{}").patch("/cards").then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", containsString("GET"))
                .body("title", equalTo("Method Not Allowed"));
    }

    @Test
    void wrongContentTypeAnswers415Problem() {
        wrongAs(token).contentType(ContentType.TEXT).body("question").post("/cards").then().statusCode(415)
                .contentType("application/problem+json")
                .body("title", equalTo("Unsupported Media Type"));
    }

    @Test
    void unacceptableMediaTypeAnswers406Problem() {
        wrongAs(token).accept(ContentType.XML).get("/cards").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void oversizedBodyAnswers413Problem() {
        String huge = "{\"question\":\"" + "q".repeat(70 * 1024) + "\",\"answer\":\"a\"}";
        wrongAs(token).contentType(ContentType.JSON).body(huge).post("/cards").then().statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Content Too Large"));
    }

    /** A stream body goes out chunked, without Content-Length: the limit applies while reading. */
    @Test
    void oversizedChunkedBodyAnswers413Problem() {
        byte[] huge = ("{\"question\":\"" + "q".repeat(70 * 1024) + "\",\"answer\":\"a\"}").getBytes();
        wrongAs(token).contentType(ContentType.JSON).body(new ByteArrayInputStream(huge)).post("/cards")
                .then().statusCode(413)
                .contentType("application/problem+json");
    }
}
