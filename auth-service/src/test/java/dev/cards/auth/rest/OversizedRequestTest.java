package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.badRequest;
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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Oversized bodies, headers and URIs: a problem-details answer each, and no log flood. */
@QuarkusTest
class OversizedRequestTest {

    private static final String LOGIN = "POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";

    @Test
    void anOversizedBodyAnswers413Problem() {
        String huge = "{\"email\":\"" + "e".repeat(40 * 1024) + "\",\"password\":\"p\"}";
        badRequest().contentType(ContentType.JSON).body(huge).post("/auth/login")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
    }

    /**
     * Chunked, so no Content-Length to check up front: Quarkus's own body reader refused it with a
     * bare 413 (no problem body, no no-store) and an ERROR line. Sent raw: RestAssured sends a
     * Content-Length even for a stream body.
     */
    @Test
    void aChunkedBodyOverTheLimitAnswersTheSame413ProblemAsADeclaredOne() throws Exception {
        for (int size : new int[] {40 * 1024, 1024 * 1024}) {
            byte[] body = ("{\"email\":\"" + "e".repeat(size) + "\",\"password\":\"p\"}").getBytes(StandardCharsets.UTF_8);
            RawHttp.Answer declared = RawHttp.withLength(RestAssured.port, LOGIN, body);
            try (LogCapture log = LogCapture.start()) {
                RawHttp.Answer chunked = RawHttp.chunked(RestAssured.port, LOGIN, body, 8192);

                assertEquals(413, chunked.status(), chunked.toString());
                assertEquals("application/problem+json", chunked.header("Content-Type"), chunked.toString());
                for (String name : List.of("Cache-Control", "X-Content-Type-Options", "Connection")) {
                    assertEquals(declared.header(name), chunked.header(name), name);
                }
                assertEquals(declared.body(), chunked.body());
                Thread.sleep(300); // anything logged after the answer
                assertEquals(List.of(), log.atOrAbove(Level.WARNING));
                assertTrue(log.atOrAbove(Level.INFO).size() <= 1, "log lines: " + log.atOrAbove(Level.INFO));
            }
        }
    }

    /** Padded past the framework's 10 KiB in-memory buffer, so it is streamed, yet under the 16 KiB limit. */
    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws IOException {
        String email = Api.newEmail();
        Api.signUp(email);
        byte[] body = ("{\"email\":\"" + email + "\"," + " ".repeat(12 * 1024) + "\"password\":\"" + Api.PASSWORD + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.chunked(RestAssured.port, LOGIN, body, 4096);
        assertEquals(200, answer.status(), answer.toString());
        assertTrue(answer.body().contains("\"access_token\""), answer.body());
    }

    @Test
    void oversizedHeadersAnswer431Problem() {
        RestAssured.given().header("X-Padding", "p".repeat(20 * 1024)).get("/auth/me").then().statusCode(431)
                .contentType("application/problem+json").body("status", equalTo(431))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void anOversizedUriAnswers414Problem() {
        RestAssured.given().get("/auth/" + "u".repeat(8 * 1024)).then().statusCode(414)
                .contentType("application/problem+json").body("status", equalTo(414))
                .header("X-Content-Type-Options", "nosniff");
    }

    /** The README promised 415; a body without Content-Type was read as JSON. Sent raw: clients add one. */
    @Test
    void aBodyWithoutContentTypeAnswers415Problem() throws IOException {
        String body = "{\"email\":\"a@example.com\",\"password\":\"whatever\"}";
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 415 "), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        }
    }

    @Test
    void everyAnswerSaysNosniff() {
        RestAssured.given().get("/.well-known/jwks.json").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        RestAssured.given().get("/no/such/path").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
        RestAssured.given().get("/auth/me").then().statusCode(401).header("X-Content-Type-Options", "nosniff");
    }
}
