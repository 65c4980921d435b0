package dev.cards.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cards.client.DPoPProofs.verifyResourceProof;
import static dev.cards.client.WireMockServices.EMPTY_PAGE;
import static dev.cards.client.WireMockServices.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;

/**
 * With a {@code stork://} URL the proof's {@code htu} must name the replica Stork picked, which only a
 * filter running after Stork's can know (RFC 9449 §4.2: the URL the request goes to).
 */
@QuarkusTest
@QuarkusTestResource(value = DPoPWithStorkTest.Replica.class, restrictToAnnotatedClass = true)
class DPoPWithStorkTest {

    /** One WireMock as the only instance of the Stork service {@code dpop-cards}. */
    public static class Replica implements QuarkusTestResourceLifecycleManager {
        static WireMockServices services;

        @Override
        public Map<String, String> start() {
            services = new WireMockServices();
            return Map.of("quarkus.stork.dpop-cards.service-discovery.type", "static",
                    "quarkus.stork.dpop-cards.service-discovery.address-list", "127.0.0.1:" + services.server.port());
        }

        @Override
        public void stop() {
            services.close();
        }
    }

    @Test
    void theProofNamesTheReplicaStorkPicked() throws Exception {
        WireMockServices services = Replica.services;
        DPoPKey key = services.signedInWithDPoP("access-0", "refresh-0");
        services.server.stubFor(get(urlPathEqualTo("/cards")).withHeader("Authorization", equalTo("DPoP access-0"))
                .willReturn(json(200, EMPTY_PAGE).withHeader("DPoP-Nonce", "nonce-of-the-service")));
        CardsClients clients = services.clients().cardsUrl(URI.create("stork://dpop-cards")).build();

        clients.cards().listCards(0, 20);
        clients.cards().listCards(0, 20);

        List<LoggedRequest> calls = services.server.findAll(getRequestedFor(urlPathEqualTo("/cards")));
        assertEquals(2, calls.size());
        URI replica = URI.create("http://127.0.0.1:" + services.server.port() + "/cards");
        verifyResourceProof(calls.get(0), replica, key, "access-0", null);
        // The nonce is the service's (its replicas share it), kept under stork://dpop-cards, not the replica.
        verifyResourceProof(calls.get(1), replica, key, "access-0", "nonce-of-the-service");
        DPoPNonces.SHARED.forget(URI.create("stork://dpop-cards"));
    }
}
