package dev.cards.client.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A stored session is bound to the auth-service it came from: given another auth URL, the CLI sends
 * none of its tokens there and asks for a login against the new URL (RFC 9700 §4.4). Two WireMock
 * servers stand for the two auth-services, both on loopback so that plain http is allowed.
 */
@QuarkusTest
class CliSessionIssuerTest {

    static final String TOKENS = "{\"access_token\":\"access-1\",\"token_type\":\"Bearer\",\"expires_in\":300,"
            + "\"refresh_token\":\"refresh-1\",\"refresh_expires_in\":3600}";
    static final String USER = "{\"id\":\"0b7e4f5e-8a43-4f7e-9d0c-2f3a1b7c9d11\",\"email\":\"ada@example.com\"}";

    @Inject
    PicocliCommandLineFactory factory;
    @TempDir
    Path dir;
    WireMockServer origin;
    WireMockServer other;
    Path sessionFile;

    @BeforeEach
    void start() {
        origin = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        other = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        origin.start();
        other.start();
        sessionFile = dir.resolve("session.json");
        for (WireMockServer server : new WireMockServer[] { origin, other }) {
            server.stubFor(post(urlEqualTo("/auth/login")).willReturn(json(TOKENS)));
            server.stubFor(post(urlEqualTo("/auth/refresh")).willReturn(json(TOKENS)));
            server.stubFor(post(urlEqualTo("/auth/logout")).willReturn(aResponse().withStatus(204)));
            server.stubFor(get(urlEqualTo("/auth/me")).withHeader("Authorization", equalTo("Bearer access-1"))
                    .willReturn(json(USER)));
            server.stubFor(get(urlEqualTo("/auth/me")).withHeader("Authorization", equalTo("Bearer access-0"))
                    .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                            .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"expired\"")
                            .withBody("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}")));
        }
    }

    @AfterEach
    void stop() {
        origin.stop();
        other.stop();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The other auth-service at 127.0.0.1 (WireMock's base URL says localhost: two different issuers). */
    private String otherUrl() {
        return "http://127.0.0.1:" + other.port();
    }

    private CliRunner.Result cards(String authUrl, String stdin, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] { "--auth-url", authUrl, "--cards-url", origin.baseUrl(),
                "--session-file", sessionFile.toString() }, 0, all, args.length, 6);
        return new CliRunner(factory).withStdin(stdin, all);
    }

    private void loggedInAtOrigin() {
        assertEquals(0, cards(origin.baseUrl(), "pw-123456\n", "login", "--email", "ada@example.com", "--password-stdin")
                .exitCode());
    }

    @Test
    void aSessionIsNotSentToAnotherAuthUrl() {
        loggedInAtOrigin();

        CliRunner.Result result = cards(otherUrl(), "", "whoami");

        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.err().contains("log in again against " + otherUrl()), result.err());
        assertFalse(result.err().contains("refresh-1") || result.err().contains("access-1"), result.err());
        assertEquals(0, other.getAllServeEvents().size(), "nothing may reach the other auth-service");
        assertTrue(SessionFiles.read(sessionFile).contains("\"refresh-1\""), "the session stays for its own auth-service");
    }

    @Test
    void logoutAgainstAnotherAuthUrlSendsNothingAndKeepsTheSession() {
        loggedInAtOrigin();

        CliRunner.Result result = cards(otherUrl(), "", "logout");

        assertEquals(3, result.exitCode(), result.err());
        assertEquals(0, other.getAllServeEvents().size());
        assertTrue(SessionFiles.read(sessionFile).contains("\"refresh-1\""));
    }

    @Test
    void theSessionStillWorksWithTheAuthUrlItCameFrom() {
        loggedInAtOrigin();
        cards(otherUrl(), "", "whoami");

        CliRunner.Result result = cards(origin.baseUrl(), "", "whoami");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("ada@example.com (id 0b7e4f5e-8a43-4f7e-9d0c-2f3a1b7c9d11)\n", result.out());
    }

    @Test
    void aLoginAgainstTheNewAuthUrlReplacesTheSession() {
        loggedInAtOrigin();

        assertEquals(0, cards(otherUrl(), "pw-123456\n", "login", "--email", "ada@example.com", "--password-stdin").exitCode());
        CliRunner.Result result = cards(otherUrl(), "", "whoami");

        assertEquals(0, result.exitCode(), result.err());
        other.verify(1, getRequestedFor(urlEqualTo("/auth/me")));
    }

    @Test
    void aSessionFileOfThePreviousVersionIsAdoptedForALoopbackAuthUrl() {
        SessionFiles.write(sessionFile, "access-0", "refresh-0", null);

        CliRunner.Result result = cards(origin.baseUrl(), "", "whoami"); // 401, refresh, retry

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(SessionFiles.read(sessionFile).contains("\"issuer\":\"" + origin.baseUrl() + "\""),
                SessionFiles.read(sessionFile));
    }

    @Test
    void aSessionFileOfThePreviousVersionIsNotSentToARemoteAuthUrl() {
        SessionFiles.write(sessionFile, "access-0", "refresh-0", null);

        CliRunner.Result result = cards("https://auth.example.com", "", "whoami");

        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.err().contains("log in again against https://auth.example.com"), result.err());
        assertTrue(SessionFiles.read(sessionFile).contains("\"refresh-0\""));
    }
}
