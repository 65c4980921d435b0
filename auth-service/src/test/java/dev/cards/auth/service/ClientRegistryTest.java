package dev.cards.auth.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cards.auth.crypto.TestConfig;

/** RFC 9700 §2.4: no client has the password grant unless its configuration opts in. */
class ClientRegistryTest {

    @Test
    void aClientWithoutGrantTypesMayNotUseThePasswordGrant() {
        ClientRegistry registry = new ClientRegistry(TestConfig.oauth(Map.of("auth.oauth.clients.cards-cli.type", "public")));
        assertFalse(registry.find("cards-cli").orElseThrow().allows("password"));
        assertEquals(List.of(), registry.passwordGrantClients());
    }

    @Test
    void withoutAnOptInThePasswordGrantIsNotAdvertised() {
        ClientRegistry registry = new ClientRegistry(TestConfig.oauth(Map.of("auth.oauth.clients.cards-cli.type", "public")));
        assertEquals(List.of("refresh_token"), registry.grantTypesInUse());
    }

    @Test
    void clientsThatOptInAreNamedAndThePasswordGrantIsAdvertised() {
        ClientRegistry registry = new ClientRegistry(TestConfig.oauth(Map.of(
                "auth.oauth.clients.cards-cli.type", "public",
                "auth.oauth.clients.legacy-app.grant-types", "password,refresh_token")));
        assertEquals(List.of("legacy-app"), registry.passwordGrantClients());
        assertEquals(List.of("password", "refresh_token"), registry.grantTypesInUse());
    }

    @Test
    void aPublicClientWithTheClientCredentialsGrantStopsStartUp() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new ClientRegistry(TestConfig.oauth(Map.of("auth.oauth.clients.cards-cli.type", "public",
                        "auth.oauth.clients.worker.grant-types", "client_credentials"))));
        assertEquals("auth.oauth.clients.worker: client_credentials needs a confidential client", e.getMessage());
    }

    @Test
    void eachClientsDpopPolicyIsReadAndOptionalByDefault() {
        ClientRegistry registry = new ClientRegistry(TestConfig.oauth(Map.of("auth.oauth.clients.cards-cli.type", "public",
                "auth.oauth.clients.strict.dpop", "required", "auth.oauth.clients.legacy.dpop", "OFF")));
        assertEquals(dev.cards.auth.config.OAuthConfig.DpopPolicy.OPTIONAL, registry.find("cards-cli").orElseThrow().dpop());
        assertEquals(dev.cards.auth.config.OAuthConfig.DpopPolicy.REQUIRED, registry.find("strict").orElseThrow().dpop());
        assertEquals(dev.cards.auth.config.OAuthConfig.DpopPolicy.OFF, registry.find("legacy").orElseThrow().dpop());
    }

    @Test
    void aConfidentialClientWithoutASecretIsNotAClient() {
        // The shipped configuration registers cards-service; its secret is the operator's to give.
        ClientRegistry registry = new ClientRegistry(TestConfig.oauth(Map.of("auth.oauth.clients.cards-cli.type", "public",
                "auth.oauth.clients.cards-service.type", "confidential",
                "auth.oauth.clients.cards-service.grant-types", "client_credentials")));
        assertTrue(registry.find("cards-service").isEmpty());
        assertFalse(registry.isConfidential("cards-service"));
        assertEquals(List.of("refresh_token"), registry.grantTypesInUse());
    }

    @Test
    void aPublicClientWithASecretStopsStartUp() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new ClientRegistry(TestConfig.oauth(Map.of("auth.oauth.clients.cards-cli.type", "public",
                        "auth.oauth.clients.cards-cli.secret-sha256", "00".repeat(32)))));
        assertEquals("auth.oauth.clients.cards-cli: a public client must not have secret-sha256", e.getMessage());
    }
}
