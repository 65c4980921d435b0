package dev.cards.deck.rest;

import static dev.cards.deck.support.Api.as;
import static dev.cards.deck.support.Api.wrong;
import static dev.cards.deck.support.Api.wrongAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cards.testsupport.LogCapture;
import dev.cards.testsupport.RawHttp;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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

    /**
     * Chunked, so no Content-Length to check up front: Quarkus's own body reader refused it with a
     * bare 413 (no problem body, no no-store) and an ERROR line. Sent raw: RestAssured sends a
     * Content-Length even for a stream body.
     */
    @Test
    void aChunkedBodyOverTheLimitAnswersTheSame413ProblemAsADeclaredOne() throws Exception {
        String head = "POST /cards HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer " + token + "\r\n";
        for (int size : new int[] {100 * 1024, 1024 * 1024}) {
            byte[] body = ("{\"question\":\"" + "q".repeat(size) + "\",\"answer\":\"a\"}").getBytes(StandardCharsets.UTF_8);
            RawHttp.Answer declared = RawHttp.withLength(RestAssured.port, head, body);
            try (LogCapture log = LogCapture.start()) {
                RawHttp.Answer chunked = RawHttp.chunked(RestAssured.port, head, body, 8192);

                assertEquals(413, chunked.status(), chunked.toString());
                assertEquals("application/problem+json", chunked.header("Content-Type"), chunked.toString());
                for (String name : List.of("Cache-Control", "X-Content-Type-Options", "Connection", "WWW-Authenticate")) {
                    assertEquals(declared.header(name), chunked.header(name), name);
                }
                assertEquals(declared.body(), chunked.body());
                Thread.sleep(300); // anything logged after the answer
                assertEquals(List.of(), log.atOrAbove(Level.WARNING));
                assertTrue(log.atOrAbove(Level.INFO).size() <= 1, "log lines: " + log.atOrAbove(Level.INFO));
            }
        }
    }

    /** Past the framework's 10 KiB in-memory buffer, so it is streamed, yet under the 64 KiB limit. */
    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws IOException {
        byte[] body = ("{\"question\":\"q\",\"answer\":\"" + "a".repeat(3000) + "\"," + " ".repeat(20 * 1024) + "\"tags\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.chunked(RestAssured.port, "POST /cards HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nAuthorization: Bearer " + token + "\r\n", body, 4096);
        assertEquals(201, answer.status(), answer.toString());
        assertTrue(answer.body().contains("\"question\":\"q\""), answer.body());
    }

    @Test
    void oversizedHeadersAnswer431ProblemWithABearerChallenge() {
        RestAssured.given().header("X-Padding", "p".repeat(20 * 1024)).get("/cards").then().statusCode(431)
                .contentType("application/problem+json").body("status", equalTo(431))
                .header("WWW-Authenticate", "Bearer").header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void anOversizedUriAnswers414ProblemWithABearerChallenge() {
        RestAssured.given().get("/cards/" + "u".repeat(8 * 1024)).then().statusCode(414)
                .contentType("application/problem+json").body("title", equalTo("URI Too Long"))
                .header("WWW-Authenticate", "Bearer").header("X-Content-Type-Options", "nosniff");
    }

    /** Sent raw: every HTTP client library adds a Content-Type to a body. */
    @Test
    void aBodyWithoutContentTypeAnswers415Problem() throws IOException {
        String body = "{\"question\":\"q\",\"answer\":\"a\"}";
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /cards HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 415 "), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        }
    }

    @Test
    void everyAnswerSaysNosniff() {
        RestAssured.given().get("/no/such/path").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
        RestAssured.given().get("/cards").then().statusCode(401).header("X-Content-Type-Options", "nosniff");
        as(token).get("/cards").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    }
}
