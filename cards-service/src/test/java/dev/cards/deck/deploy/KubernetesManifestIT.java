package dev.cards.deck.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.cards.testsupport.deploy.GeneratedManifestContract;

/**
 * The cards-service's generated manifests: the shared contract on 8082/9082 with its own database
 * Secret (cards-db, never the auth-service's auth-db), and how it finds the JWKS.
 */
class KubernetesManifestIT extends GeneratedManifestContract {

    @Override
    protected int publicPort() {
        return 8082;
    }

    @Override
    protected int managementPort() {
        return 9082;
    }

    @Override
    protected String databaseSecret() {
        return "cards-db";
    }

    @Override
    protected String otherServicesDatabaseSecret() {
        return "auth-db";
    }

    @Override
    protected String database() {
        return "cards_cards";
    }

    @Test
    void theJwksIsFoundThroughTheAuthServiceName() {
        assertEquals("http://auth-service/.well-known/jwks.json",
                manifest.configMap().getData().get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
    }
}
