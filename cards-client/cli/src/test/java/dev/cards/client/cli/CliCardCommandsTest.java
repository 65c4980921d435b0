package dev.cards.client.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CliCardCommandsTest {

    static final String ID = "0b7e4f5e-8a43-4f7e-9d0c-2f3a1b7c9d11";
    static final String CARD = "{\"id\":\"" + ID + "\",\"question\":\"What is 2+2?\",\"answer\":\"4\","
            + "\"tags\":[\"math\"],\"createdAt\":\"2026-01-01T10:00:00Z\",\"updatedAt\":\"2026-01-02T10:00:00Z\","
            + "\"version\":3}";
    static final String PAGE = "{\"items\":[" + CARD + "],\"page\":0,\"size\":20,\"total\":1}";

    @Inject
    PicocliCommandLineFactory factory;
    @TempDir
    Path dir;
    WireMockServer server;
    Path sessionFile;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        sessionFile = dir.resolve("session.json");
        SessionFiles.write(sessionFile, "access-0", "refresh-0", server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** Global options after the command, as the issue allows. */
    private CliRunner.Result cards(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] { "--auth-url", server.baseUrl(), "--cards-url", server.baseUrl(),
                "--session-file", sessionFile.toString() }, 0, all, args.length, 6);
        return new CliRunner(factory).run(all);
    }

    private static ResponseDefinitionBuilder ok(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void listPrintsOneLinePerCard() {
        server.stubFor(get(urlEqualTo("/cards?page=0&size=20")).willReturn(ok(200, PAGE)));
        CliRunner.Result result = cards("list");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(ID + "  What is 2+2?  [math]\npage 0 of 1 (0-based), 1 cards in all\n", result.out());
    }

    @Test
    void listJsonPrintsTheApiPage() throws Exception {
        server.stubFor(get(urlEqualTo("/cards?page=1&size=5")).willReturn(ok(200, PAGE)));
        CliRunner.Result result = cards("list", "--page", "1", "--size", "5", "--json");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(json.readTree(PAGE), json.readTree(result.out()));
    }

    @Test
    void showJsonPrintsTheApiCard() throws Exception {
        server.stubFor(get(urlEqualTo("/cards/" + ID)).willReturn(ok(200, CARD)));
        CliRunner.Result result = cards("show", ID, "--json");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(json.readTree(CARD), json.readTree(result.out()));
    }

    @Test
    void showPrintsTheFields() {
        server.stubFor(get(urlEqualTo("/cards/" + ID)).willReturn(ok(200, CARD)));
        CliRunner.Result result = cards("show", ID);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("answer:   4\n"), result.out());
    }

    @Test
    void showUnknownCardExitsOneWithTheProblemDetail() {
        server.stubFor(get(urlEqualTo("/cards/" + ID)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(
                        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such card\"}")));
        CliRunner.Result result = cards("show", ID);
        assertEquals(1, result.exitCode());
        assertEquals("cards: No such card (HTTP 404)\n", result.err());
    }

    @Test
    void addSendsTheCardAndPrintsItsId() {
        server.stubFor(post(urlEqualTo("/cards"))
                .withRequestBody(equalToJson("{\"question\":\"What is 2+2?\",\"answer\":\"4\",\"tags\":[\"math\",\"easy\"]}"))
                .willReturn(ok(201, CARD)));
        CliRunner.Result result = cards("add", "--question", "What is 2+2?", "--answer", "4", "--tag", "math",
                "--tag", "easy");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Added " + ID + "\n", result.out());
    }

    @Test
    void addJsonPrintsTheApiCard() throws Exception {
        server.stubFor(post(urlEqualTo("/cards")).willReturn(ok(201, CARD)));
        CliRunner.Result result = cards("add", "--question", "q", "--answer", "a", "--json");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(json.readTree(CARD), json.readTree(result.out()));
    }

    @Test
    void addWithoutAnswerIsAUsageError() {
        assertEquals(2, cards("add", "--question", "q").exitCode());
    }

    @Test
    void editKeepsOtherFieldsAndSendsIfMatch() {
        server.stubFor(get(urlEqualTo("/cards/" + ID)).willReturn(ok(200, CARD)));
        server.stubFor(put(urlEqualTo("/cards/" + ID)).willReturn(ok(200, CARD.replace("\"version\":3", "\"version\":4"))));
        CliRunner.Result result = cards("edit", ID, "--answer", "four");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Updated " + ID + " (version 4)\n", result.out());
        server.verify(putRequestedFor(urlEqualTo("/cards/" + ID)).withHeader("If-Match", equalTo("\"3\""))
                .withRequestBody(equalToJson("{\"question\":\"What is 2+2?\",\"answer\":\"four\",\"tags\":[\"math\"]}")));
    }

    @Test
    void editWithNothingToChangeIsAUsageError() {
        assertEquals(2, cards("edit", ID).exitCode());
    }

    @Test
    void deletePrintsTheId() {
        server.stubFor(delete(urlEqualTo("/cards/" + ID)).willReturn(aResponse().withStatus(204)));
        CliRunner.Result result = cards("delete", ID);
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Deleted " + ID + "\n", result.out());
        // Operations without a success body still accept JSON, or the services answer 406.
        server.verify(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlEqualTo("/cards/" + ID))
                .withHeader("Accept", com.github.tomakehurst.wiremock.client.WireMock.containing("application/json")));
    }
}
