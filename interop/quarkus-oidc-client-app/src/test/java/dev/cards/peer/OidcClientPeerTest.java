package dev.cards.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The unmodified quarkus-oidc-client against the packaged services: it finds the token and
 * revocation endpoints in the auth-service's metadata and authenticates with client_secret_basic.
 */
@QuarkusTest
@QuarkusTestResource(value = PackagedServices.class, restrictToAnnotatedClass = true)
class OidcClientPeerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    @RestClient
    CardsService cards;

    @Inject
    OidcClient oidc;

    @Test
    void theFilterGetsTokensByPasswordGrantAndRefreshesThemWhenTheyExpire() throws Exception {
        AuthCounters before = AuthCounters.now();
        CardsService.Card created = cards.create(new CardsService.Card(null, "Capital of France?", "Paris"));
        assertEquals("Paris", created.answer());
        assertTrue(cards.list().items().stream().anyMatch(c -> c.id().equals(created.id())));
        assertEquals(new AuthCounters(1, 0), AuthCounters.now().since(before), "one password grant, no refresh yet");

        Thread.sleep(3_000); // the 2-second access token has expired

        assertTrue(cards.list().items().stream().anyMatch(c -> c.id().equals(created.id())));
        assertEquals(new AuthCounters(1, 1), AuthCounters.now().since(before), "then one refresh_token grant, no new login");
    }

    @Test
    void replayingARetiredRefreshTokenIsInvalidGrant() {
        Tokens first = oidc.getTokens().await().atMost(WAIT);
        Tokens second = oidc.refreshTokens(first.getRefreshToken()).await().atMost(WAIT);
        assertNotEquals(first.getRefreshToken(), second.getRefreshToken(), "rotated");
        Tokens third = oidc.refreshTokens(second.getRefreshToken()).await().atMost(WAIT);

        // The first token is two rotations old: beyond the reuse grace, whatever its clock.
        OidcClientException replay = assertThrows(OidcClientException.class,
                () -> oidc.refreshTokens(first.getRefreshToken()).await().atMost(WAIT));
        assertTrue(replay.getMessage().contains("invalid_grant"), replay.getMessage());
        // Reuse revoked the session (RFC 9700 §4.14.2): the current token is dead too.
        assertThrows(OidcClientException.class, () -> oidc.refreshTokens(third.getRefreshToken()).await().atMost(WAIT));
    }

    @Test
    void revokingTheRefreshTokenEndsTheSession() {
        Tokens tokens = oidc.getTokens().await().atMost(WAIT);
        // quarkus-oidc-client sends token=… to the metadata's revocation_endpoint (RFC 7009 §2.1).
        assertTrue(oidc.revokeAccessToken(tokens.getRefreshToken()).await().atMost(WAIT));
        OidcClientException refused = assertThrows(OidcClientException.class,
                () -> oidc.refreshTokens(tokens.getRefreshToken()).await().atMost(WAIT));
        assertTrue(refused.getMessage().contains("invalid_grant"), refused.getMessage());
    }
}
