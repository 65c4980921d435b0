package dev.cards.client.cli;

import static dev.cards.client.SessionListFixture.LIST;
import static dev.cards.client.SessionListFixture.OTHER;
import static dev.cards.client.SessionListFixture.OWN;
import static dev.cards.client.SessionListFixture.accessTokenOf;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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

/** {@code sessions}, {@code sessions end}, {@code password} and {@code account delete} against WireMock. */
@QuarkusTest
class CliAccountCommandsTest {

    /** The session's access token: a JWT naming its session ({@code sid}), unsigned (the client does not verify). */
    static final String ACCESS = accessTokenOf(OWN);

    @Inject
    PicocliCommandLineFactory factory;
    @TempDir
    Path dir;
    WireMockServer server;
    Path sessionFile;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        sessionFile = dir.resolve("session.json");
        SessionFiles.write(sessionFile, ACCESS, "refresh-0", server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private CliRunner.Result cards(String stdin, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(new String[] { "--auth-url", server.baseUrl(), "--cards-url", server.baseUrl(),
                "--session-file", sessionFile.toString() }, 0, all, 0, 6);
        System.arraycopy(args, 0, all, 6, args.length);
        return new CliRunner(factory).withStdin(stdin, all);
    }

    private static ResponseDefinitionBuilder problem(int status, String title, String extra) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + title + " detail\"" + extra + "}");
    }

    @Test
    void sessionsPrintsATableMarkingThisOne() {
        server.stubFor(get(urlEqualTo("/auth/sessions")).withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(LIST)));

        CliRunner.Result result = cards("", "sessions");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(""
                + "  ID                                    DEVICE               CLIENT     STARTED (UTC)     LAST USED (UTC)   ADDRESS       DPOP\n"
                + "  " + OTHER + "  Firefox on Linux     cards-cli  2026-12-01 10:00  2026-12-07 09:30  192.0.2.0/24  no\n"
                + "* " + OWN + "  Java-http-client/17  cards-cli  2026-12-07 08:00  2026-12-07 08:05  -             yes\n",
                result.out());
    }

    @Test
    void sessionsJsonHasTheApiFields() throws Exception {
        server.stubFor(get(urlEqualTo("/auth/sessions"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(LIST)));

        CliRunner.Result result = cards("", "sessions", "--json");

        assertEquals(0, result.exitCode(), result.err());
        JsonNode printed = new ObjectMapper().readTree(result.out());
        JsonNode expected = new ObjectMapper().readTree(LIST);
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.get("items").get(1)).putNull("address");
        assertEquals(expected, printed);
    }

    @Test
    void sessionsWithoutASessionExitsThreeSendingNothing() throws Exception {
        Files.delete(sessionFile);

        CliRunner.Result result = cards("", "sessions");

        assertEquals(3, result.exitCode());
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void endingAnotherSessionKeepsTheSessionFile() {
        server.stubFor(delete(urlEqualTo("/auth/sessions/" + OTHER)).willReturn(noContent()));

        CliRunner.Result result = cards("", "sessions", "end", OTHER);

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Ended session " + OTHER + ".\n", result.out());
        server.verify(1, deleteRequestedFor(urlEqualTo("/auth/sessions/" + OTHER))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS)));
        assertTrue(Files.exists(sessionFile));
    }

    @Test
    void endingThisSessionLogsOutAndDeletesTheSessionFile() throws Exception {
        server.stubFor(delete(urlEqualTo("/auth/sessions/" + OWN)).willReturn(noContent()));

        CliRunner.Result result = cards("", "sessions", "end", OWN, "--json");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(new ObjectMapper().readTree("{\"id\":\"" + OWN + "\",\"ended\":true,\"signed_out\":true}"),
                new ObjectMapper().readTree(result.out()));
        assertFalse(Files.exists(sessionFile));
    }

    @Test
    void endingAnUnknownSessionShowsTheProblemAndExitsOne() {
        server.stubFor(delete(urlEqualTo("/auth/sessions/nope")).willReturn(problem(404, "No such session", "")));

        CliRunner.Result result = cards("", "sessions", "end", "nope");

        assertEquals(1, result.exitCode());
        assertEquals("cards: No such session detail (HTTP 404)\n", result.err());
        assertTrue(Files.exists(sessionFile));
    }

    @Test
    void passwordReadsBothPasswordsFromStdinAndKeepsTheSession() {
        server.stubFor(post(urlEqualTo("/auth/password")).willReturn(noContent()));

        CliRunner.Result result = cards("old-password-1\nnew-password-2\n", "password", "--password-stdin");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Password changed; every other session has ended.\n", result.out());
        assertFalse(result.out().contains("password-1") || result.err().contains("password-1"));
        server.verify(1, postRequestedFor(urlEqualTo("/auth/password")).withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .withRequestBody(equalToJson("{\"current_password\":\"old-password-1\",\"new_password\":\"new-password-2\"}")));
        assertTrue(Files.exists(sessionFile));
    }

    @Test
    void passwordJson() throws Exception {
        server.stubFor(post(urlEqualTo("/auth/password")).willReturn(noContent()));

        CliRunner.Result result = cards("old-password-1\nnew-password-2\n", "password", "--password-stdin", "--json");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(new ObjectMapper().readTree("{\"password_changed\":true}"), new ObjectMapper().readTree(result.out()));
    }

    @Test
    void passwordWithOneLineOnStdinIsAUsageErrorSendingNothing() {
        CliRunner.Result result = cards("old-password-1\n", "password", "--password-stdin");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("expected 2 passwords"), result.err());
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void passwordWithoutConsoleOrStdinIsAUsageError() {
        assertEquals(2, cards("", "password").exitCode());
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void aWrongCurrentPasswordExitsOneAndKeepsTheSession() {
        server.stubFor(post(urlEqualTo("/auth/password")).willReturn(problem(403, "Wrong password", "")));

        CliRunner.Result result = cards("wrong-password\nnew-password-2\n", "password", "--password-stdin");

        assertEquals(1, result.exitCode());
        assertEquals("cards: Wrong password detail (HTTP 403)\n", result.err());
        assertTrue(Files.exists(sessionFile));
    }

    @Test
    void anInvalidNewPasswordShowsTheFieldErrors() {
        server.stubFor(post(urlEqualTo("/auth/password")).willReturn(problem(400, "Bad Request",
                ",\"errors\":[{\"field\":\"new_password\",\"message\":\"size must be between 8 and 128\"}]")));

        CliRunner.Result result = cards("old-password-1\nshort\n", "password", "--password-stdin");

        assertEquals(1, result.exitCode());
        assertEquals("cards: Bad Request detail; new_password: size must be between 8 and 128 (HTTP 400)\n", result.err());
    }

    @Test
    void aThrottledPasswordChangeSaysWhenToRetry() {
        server.stubFor(post(urlEqualTo("/auth/password"))
                .willReturn(problem(429, "Too Many Requests", "").withHeader("Retry-After", "30")));

        CliRunner.Result result = cards("old-password-1\nnew-password-2\n", "password", "--password-stdin");

        assertEquals(1, result.exitCode());
        assertEquals("cards: Too Many Requests detail (HTTP 429; retry in 30 s)\n", result.err());
    }

    @Test
    void accountDeleteWithYesDeletesAndRemovesTheSessionFile() {
        server.stubFor(post(urlEqualTo("/auth/account/deletion")).willReturn(noContent()));

        CliRunner.Result result = cards("the-password-1\n", "account", "delete", "--password-stdin", "--yes");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Account deleted"), result.out());
        server.verify(1, postRequestedFor(urlEqualTo("/auth/account/deletion"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .withRequestBody(equalToJson("{\"password\":\"the-password-1\"}")));
        assertFalse(Files.exists(sessionFile));
    }

    @Test
    void accountDeleteJson() throws Exception {
        server.stubFor(post(urlEqualTo("/auth/account/deletion")).willReturn(noContent()));

        CliRunner.Result result = cards("the-password-1\n", "account", "delete", "--password-stdin", "--yes", "--json");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(new ObjectMapper().readTree("{\"account_deleted\":true}"), new ObjectMapper().readTree(result.out()));
    }

    @Test
    void accountDeleteWithoutYesOrAConsoleIsRefusedSendingNothing() {
        CliRunner.Result result = cards("the-password-1\n", "account", "delete", "--password-stdin");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("nothing deleted"), result.err());
        assertEquals(0, server.getAllServeEvents().size());
        assertTrue(Files.exists(sessionFile));
    }

    @Test
    void accountDeleteWithAWrongPasswordExitsOneAndKeepsTheSession() {
        server.stubFor(post(urlEqualTo("/auth/account/deletion")).willReturn(problem(403, "Wrong password", "")));

        CliRunner.Result result = cards("wrong-password\n", "account", "delete", "--password-stdin", "--yes");

        assertEquals(1, result.exitCode());
        assertEquals("cards: Wrong password detail (HTTP 403)\n", result.err());
        assertTrue(Files.exists(sessionFile));
    }

    @Test
    void accountAlonePrintsItsUsage() {
        CliRunner.Result result = cards("", "account");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("delete"), result.out());
        assertEquals(0, server.getAllServeEvents().size());
    }
}
