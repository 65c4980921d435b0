package dev.cards.client.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import dev.cards.client.DPoPKey;
import dev.cards.client.FileTokenStore;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CliSessionCommandsTest {

    static final String TOKENS = "{\"access_token\":\"access-1\",\"token_type\":\"Bearer\",\"expires_in\":300,"
            + "\"refresh_token\":\"refresh-1\",\"refresh_expires_in\":3600}";
    static final String USER = "{\"id\":\"0b7e4f5e-8a43-4f7e-9d0c-2f3a1b7c9d11\",\"email\":\"ada@example.com\"}";

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

    private void signedIn() {
        SessionFiles.write(sessionFile, "access-0", "refresh-0", server.baseUrl());
    }

    @Test
    void signupReadsThePasswordFromStdin() {
        server.stubFor(post(urlEqualTo("/auth/signup"))
                .withRequestBody(equalToJson("{\"email\":\"ada@example.com\",\"password\":\"correct horse\"}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(USER)));
        CliRunner.Result result = cards("correct horse\n", "signup", "--email", "ada@example.com", "--password-stdin");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Signed up ada@example.com (id 0b7e4f5e-8a43-4f7e-9d0c-2f3a1b7c9d11)\n", result.out());
    }

    @Test
    void signupWithoutConsoleOrStdinIsAUsageError() {
        CliRunner.Result result = cards("", "signup", "--email", "ada@example.com");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--password-stdin"), result.err());
    }

    @Test
    void aPasswordArgumentIsRefused() {
        assertEquals(2, cards("", "login", "--email", "ada@example.com", "--password", "secret").exitCode());
    }

    @Test
    void loginSavesTheSessionReadableByItsOwnerOnly() throws Exception {
        server.stubFor(post(urlEqualTo("/auth/login")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(TOKENS)));
        CliRunner.Result result = cards("pw-123456\n", "login", "--email", "Ada@Example.com", "--password-stdin");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Logged in as ada@example.com"), result.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sessionFile)));
        assertEquals("refresh-1", new FileTokenStore(sessionFile).load().orElseThrow().refreshToken());
    }

    @Test
    void loginWithWrongCredentialsExitsOne() {
        server.stubFor(post(urlEqualTo("/auth/login")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"bad\"}")));
        CliRunner.Result result = cards("wrong-password\n", "login", "--email", "ada@example.com", "--password-stdin");
        assertEquals(1, result.exitCode());
        assertEquals("cards: wrong email or password\n", result.err());
        assertFalse(Files.exists(sessionFile));
    }

    @Test
    void loginWithTheAuthServiceDownExitsOne() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliRunner.Result result = new CliRunner(factory).withStdin("pw-123456\n", "login", "--email", "ada@example.com",
                "--password-stdin", "--auth-url", "http://127.0.0.1:" + closed, "--session-file", sessionFile.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("cards: cannot reach the service"), result.err());
    }

    @Test
    void whoamiPrintsTheUser() {
        signedIn();
        server.stubFor(get(urlEqualTo("/auth/me")).withHeader("Authorization", equalTo("Bearer access-0"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(USER)));
        CliRunner.Result result = cards("", "whoami");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("ada@example.com (id 0b7e4f5e-8a43-4f7e-9d0c-2f3a1b7c9d11)\n", result.out());
    }

    @Test
    void whoamiOfABoundSessionSendsAProofAndShowsTheKey() {
        DPoPKey key = DPoPKey.generate();
        SessionFiles.writeBound(sessionFile, "access-0", "refresh-0", server.baseUrl(), key);
        server.stubFor(get(urlEqualTo("/auth/me")).withHeader("Authorization", equalTo("DPoP access-0"))
                .withHeader("DPoP", matching("[\\w-]+\\.[\\w-]+\\.[\\w-]+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(USER)));
        CliRunner.Result result = cards("", "whoami");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("ada@example.com (id 0b7e4f5e-8a43-4f7e-9d0c-2f3a1b7c9d11); session bound to DPoP key "
                + key.thumbprint() + "\n", result.out());
    }

    @Test
    void whoamiWithoutASessionExitsThree() {
        CliRunner.Result result = cards("", "whoami");
        assertEquals(3, result.exitCode());
        assertTrue(result.err().startsWith("cards: not signed in"), result.err());
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void revokedSessionExitsThreeAndForgetsTheSession() {
        signedIn();
        server.stubFor(get(urlEqualTo("/auth/me")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"expired\"")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"expired\"}")));
        server.stubFor(post(urlEqualTo("/auth/refresh")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"type\":\"about:blank\","
                        + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"revoked\",\"error\":\"invalid_grant\"}")));
        CliRunner.Result result = cards("", "whoami");
        assertEquals(3, result.exitCode());
        assertTrue(result.err().startsWith("cards: session expired"), result.err());
        assertFalse(Files.exists(sessionFile));
    }

    @Test
    void logoutRevokesOnTheServerAndDeletesTheSessionFile() {
        signedIn();
        server.stubFor(post(urlEqualTo("/auth/logout")).willReturn(aResponse().withStatus(204)));
        CliRunner.Result result = cards("", "logout");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Logged out.\n", result.out());
        server.verify(1, postRequestedFor(urlEqualTo("/auth/logout"))
                .withRequestBody(equalToJson("{\"refresh_token\":\"refresh-0\"}")));
        assertFalse(Files.exists(sessionFile));
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, cards("", "frobnicate").exitCode());
    }

    @Test
    void noCommandPrintsUsage() {
        CliRunner.Result result = cards("");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("Usage: cards"), result.out());
    }
}
