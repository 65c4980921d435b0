package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.badRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cards.testsupport.LogCapture;
import java.io.ByteArrayInputStream;
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

    @Test
    void anOversizedChunkedBodyAnswers413ProblemAndLogsAtMostOneLine() throws InterruptedException {
        byte[] huge = ("{\"email\":\"" + "e".repeat(1024 * 1024) + "\",\"password\":\"p\"}").getBytes();
        try (LogCapture log = LogCapture.start()) {
            badRequest().contentType(ContentType.JSON).body(new ByteArrayInputStream(huge)).post("/auth/login")
                    .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
            Thread.sleep(300); // anything logged after the answer
            List<String> lines = log.atOrAbove(Level.INFO);
            assertTrue(lines.size() <= 1, "log lines: " + lines);
        }
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
