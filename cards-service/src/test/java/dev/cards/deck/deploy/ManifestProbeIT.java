package dev.cards.deck.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cards.testsupport.deploy.DeclaredProbesContract;

/**
 * The packaged cards-service, started as its Deployment declares it, answers the declared probes.
 * The JWKS location stays as declared, `http://auth-service/...`, a Service name nothing answers
 * to here: the service must start and be ready without the auth-service (the deleted-accounts feed reads it
 * there too, and fails quietly until it answers).
 */
class ManifestProbeIT extends DeclaredProbesContract {

    @Override
    protected Map<String, Map<String, String>> secrets() {
        return Map.of("cards-db", Map.of("QUARKUS_DATASOURCE_USERNAME", "cards_cards", "QUARKUS_DATASOURCE_PASSWORD",
                "cards_cards"),
                // Its client secret at the auth-service, for deleted accounts (unreachable here, like the JWKS).
                "cards-service-client", Map.of("CARDS_ACCOUNT_DELETIONS_CLIENT_SECRET", "s"));
    }

    @Override
    protected String testDatabase() {
        return "cards_cards_test";
    }

    @Test
    void readyWhileTheAuthServiceCannotBeReached() throws Exception {
        URI jwks = URI.create(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertEquals("auth-service", jwks.getHost());
        // The claim holds only if the Service name resolves to nothing on this machine.
        assertThrows(UnknownHostException.class, () -> InetAddress.getByName(jwks.getHost()));
        assertAnswers(container.getReadinessProbe());
    }
}
