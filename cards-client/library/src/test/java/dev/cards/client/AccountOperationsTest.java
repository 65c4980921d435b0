package dev.cards.client;

import static dev.cards.client.SessionListFixture.LIST;
import static dev.cards.client.SessionListFixture.OTHER;
import static dev.cards.client.SessionListFixture.OWN;
import static dev.cards.client.SessionListFixture.accessTokenOf;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.cards.client.WireMockServices.expiredToken;
import static dev.cards.client.WireMockServices.json;
import static dev.cards.client.WireMockServices.problem;
import static dev.cards.client.WireMockServices.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cards.client.error.InvalidInputException;
import dev.cards.client.error.NotSignedInException;
import dev.cards.client.error.RateLimitedException;
import dev.cards.client.error.ResourceNotFoundException;
import dev.cards.client.error.WrongPasswordException;
import io.quarkus.test.junit.QuarkusTest;

/** The signed-in user's sessions, password and account through {@link Sessions}, against WireMock. */
@QuarkusTest
class AccountOperationsTest {

    static final String FIELD_ERRORS = ",\"errors\":[{\"field\":\"new_password\",\"message\":\"at least 8 characters\"}]";

    private final WireMockServices services = new WireMockServices();

    @AfterEach
    void stop() {
        services.close();
    }

    /** An access token shaped like the auth-service's: a JWT naming its session in {@code sid} (unsigned: the client does not verify). */
    @Test
    void sessionsAreTheApiItemsAskedForWithTheAccessToken() {
        services.signedIn("access-0", "refresh-0");
        services.server.stubFor(get(urlEqualTo("/auth/sessions")).withHeader("Authorization", equalTo("Bearer access-0"))
                .willReturn(json(200, LIST)));

        List<SignedInSession> sessions = services.clients().build().sessions().sessions();

        assertEquals(List.of(
                new SignedInSession(OTHER, "cards-cli", Instant.parse("2026-12-01T10:00:00Z"),
                        Instant.parse("2026-12-07T09:30:00Z"), "Firefox on Linux", "192.0.2.0/24", false, false),
                new SignedInSession(OWN, "cards-cli", Instant.parse("2026-12-07T08:00:00Z"),
                        Instant.parse("2026-12-07T08:05:00Z"), "Java-http-client/17", null, true, true)), sessions);
    }

    @Test
    void sessionsWithAnExpiredAccessTokenAreRefreshedAndAskedAgain() {
        services.signedIn("access-0", "refresh-0");
        services.server.stubFor(get(urlEqualTo("/auth/sessions")).withHeader("Authorization", equalTo("Bearer access-0"))
                .willReturn(expiredToken()));
        services.server.stubFor(get(urlEqualTo("/auth/sessions")).withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(json(200, LIST)));
        services.refreshAnswers(tokens("access-1", "refresh-1"));

        assertEquals(2, services.clients().build().sessions().sessions().size());

        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
        services.server.verify(2, getRequestedFor(urlEqualTo("/auth/sessions")));
    }

    @Test
    void endingAnotherSessionKeepsTheStoredOne() {
        String access = accessTokenOf(OWN);
        services.signedIn(access, "refresh-0");
        services.server.stubFor(delete(urlEqualTo("/auth/sessions/" + OTHER)).willReturn(noContent()));

        services.clients().build().sessions().endSession(OTHER);

        services.server.verify(1, deleteRequestedFor(urlEqualTo("/auth/sessions/" + OTHER))
                .withHeader("Authorization", equalTo("Bearer " + access)));
        services.server.verify(0, getRequestedFor(urlEqualTo("/auth/sessions")));
        assertEquals("refresh-0", services.store.load().orElseThrow().refreshToken());
    }

    @Test
    void endingTheOwnSessionRemovesTheStoredOne() {
        services.signedIn(accessTokenOf(OWN), "refresh-0");
        services.server.stubFor(delete(urlEqualTo("/auth/sessions/" + OWN)).willReturn(noContent()));
        CardsClients clients = services.clients().build();

        clients.sessions().endSession(OWN);

        assertTrue(services.store.load().isEmpty());
        assertTrue(clients.sessions().current().isEmpty());
        services.server.verify(0, getRequestedFor(urlEqualTo("/auth/sessions")));
    }

    @Test
    void aTokenWithoutSidIsLookedUpInTheListBeforeEnding() {
        services.signedIn("access-0", "refresh-0");
        services.server.stubFor(get(urlEqualTo("/auth/sessions")).willReturn(json(200, LIST)));
        services.server.stubFor(delete(urlEqualTo("/auth/sessions/" + OWN)).willReturn(noContent()));

        services.clients().build().sessions().endSession(OWN);

        services.server.verify(1, getRequestedFor(urlEqualTo("/auth/sessions")));
        assertTrue(services.store.load().isEmpty());
    }

    @Test
    void endingAnUnknownSessionIsNotFoundAndKeepsTheStoredOne() {
        services.signedIn(accessTokenOf(OWN), "refresh-0");
        services.server.stubFor(delete(urlEqualTo("/auth/sessions/nope")).willReturn(problem(404, "No such session", "")));

        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> services.clients().build().sessions().endSession("nope"));

        assertEquals("No such session", e.problem().title());
        assertTrue(services.store.load().isPresent());
    }

    @Test
    void changingThePasswordSendsBothAndKeepsTheSession() {
        services.signedIn("access-0", "refresh-0");
        services.server.stubFor(post(urlEqualTo("/auth/password")).willReturn(noContent()));

        services.clients().build().sessions().changePassword("old-password-1".toCharArray(), "new-password-2".toCharArray());

        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/password"))
                .withHeader("Authorization", equalTo("Bearer access-0"))
                .withRequestBody(equalToJson("{\"current_password\":\"old-password-1\",\"new_password\":\"new-password-2\"}")));
        assertEquals("access-0", services.store.load().orElseThrow().accessToken());
    }

    @Test
    void aWrongCurrentPasswordIsWrongPasswordWithoutARefresh() {
        services.signedIn("access-0", "refresh-0");
        services.server.stubFor(post(urlEqualTo("/auth/password")).willReturn(problem(403, "Forbidden", "")));

        WrongPasswordException e = assertThrows(WrongPasswordException.class, () -> services.clients().build().sessions()
                .changePassword("wrong-password".toCharArray(), "new-password-2".toCharArray()));

        assertEquals(403, e.status());
        services.server.verify(0, postRequestedFor(urlEqualTo("/auth/refresh")));
        assertTrue(services.store.load().isPresent());
    }

    @Test
    void anInvalidNewPasswordIsInvalidInputWithTheFieldErrors() {
        services.signedIn("access-0", "refresh-0");
        services.server.stubFor(post(urlEqualTo("/auth/password")).willReturn(problem(400, "Bad Request", FIELD_ERRORS)));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> services.clients().build().sessions()
                .changePassword("old-password-1".toCharArray(), "short".toCharArray()));

        assertEquals("new_password", e.problem().errors().get(0).field());
    }

    @Test
    void aThrottledPasswordChangeIsRateLimitedWithRetryAfter() {
        services.signedIn("access-0", "refresh-0");
        services.server.stubFor(post(urlEqualTo("/auth/password"))
                .willReturn(problem(429, "Too Many Requests", "").withHeader("Retry-After", "30")));

        RateLimitedException e = assertThrows(RateLimitedException.class, () -> services.clients().build().sessions()
                .changePassword("old-password-1".toCharArray(), "new-password-2".toCharArray()));

        assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
    }

    @Test
    void anExpiredAccessTokenDuringThePasswordChangeIsRefreshedAndTheChangeSentAgain() {
        services.signedIn("access-0", "refresh-0");
        services.server.stubFor(post(urlEqualTo("/auth/password")).withHeader("Authorization", equalTo("Bearer access-0"))
                .willReturn(expiredToken()));
        services.server.stubFor(post(urlEqualTo("/auth/password")).withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(noContent()));
        services.refreshAnswers(tokens("access-1", "refresh-1"));

        services.clients().build().sessions().changePassword("old-password-1".toCharArray(), "new-password-2".toCharArray());

        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
        services.server.verify(2, postRequestedFor(urlEqualTo("/auth/password"))
                .withRequestBody(equalToJson("{\"current_password\":\"old-password-1\",\"new_password\":\"new-password-2\"}")));
        assertEquals("refresh-1", services.store.load().orElseThrow().refreshToken());
    }

    @Test
    void deletingTheAccountRemovesTheSessionAndItsDPoPKey() {
        services.signedInWithDPoP("access-0", "refresh-0");
        services.server.stubFor(post(urlEqualTo("/auth/account/deletion")).willReturn(noContent()));
        CardsClients clients = services.clients().build();

        clients.sessions().deleteAccount("the-password-1".toCharArray());

        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/account/deletion"))
                .withHeader("Authorization", equalTo("DPoP access-0"))
                .withHeader("DPoP", matching("[\\w-]+\\.[\\w-]+\\.[\\w-]+"))
                .withRequestBody(equalToJson("{\"password\":\"the-password-1\"}")));
        assertTrue(services.store.load().isEmpty());
        assertTrue(clients.sessions().current().isEmpty());
    }

    @Test
    void aWrongPasswordDeletesNothingAndKeepsTheSession() {
        services.signedIn("access-0", "refresh-0");
        services.server.stubFor(post(urlEqualTo("/auth/account/deletion")).willReturn(problem(403, "Forbidden", "")));

        assertThrows(WrongPasswordException.class,
                () -> services.clients().build().sessions().deleteAccount("wrong-password".toCharArray()));

        assertEquals("refresh-0", services.store.load().orElseThrow().refreshToken());
    }

    @Test
    void withoutASessionNothingIsSent() {
        Sessions sessions = services.clients().build().sessions();

        assertThrows(NotSignedInException.class, sessions::sessions);
        assertThrows(NotSignedInException.class, () -> sessions.endSession(OWN));
        assertThrows(NotSignedInException.class,
                () -> sessions.changePassword("old-password-1".toCharArray(), "new-password-2".toCharArray()));
        assertThrows(NotSignedInException.class, () -> sessions.deleteAccount("the-password-1".toCharArray()));
        assertEquals(0, services.server.getAllServeEvents().size());
    }
}
