package dev.cards.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import dev.cards.client.auth.api.AuthApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;

/** The CDI wiring a Quarkus application gets: URLs and store from cards.client.*, the interfaces injected. */
@QuarkusTest
@QuarkusTestResource(CardsClientsProducerTest.Services.class)
class CardsClientsProducerTest {

    /** WireMock on a dynamic port, configured as both services. */
    public static class Services implements QuarkusTestResourceLifecycleManager {
        static WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
            return Map.of("cards.client.auth-url", server.baseUrl(), "cards.client.cards-url", server.baseUrl());
        }

        @Override
        public void stop() {
            server.stop();
        }
    }

    @Inject
    CardsClients clients;
    @Inject
    Sessions sessions;
    @Inject
    AuthApi auth;
    @Inject
    TokenStore store;

    @Test
    void injectedClientsUseTheConfiguredUrlsAndTheInjectedStore() {
        assertInstanceOf(InMemoryTokenStore.class, store);
        Instant now = Instant.now();
        clients.refresher().start(new Session("access-0", "refresh-0", now, now.plusSeconds(300), null,
                clients.refresher().issuer().url()));
        assertEquals("access-0", store.load().orElseThrow().accessToken());
        Services.server.stubFor(get(urlEqualTo("/auth/me")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"0b7e4f5e-8a43-4f7e-9d0c-2f3a1b7c9d11\",\"email\":\"ada@example.com\"}")));

        assertEquals("ada@example.com", sessions.whoami().getEmail());
        assertEquals("ada@example.com", auth.me().getEmail());
        assertSame(clients.sessions(), sessions);
        assertSame(clients.auth(), auth);
    }

    @Test
    void dpopIsAutoUnlessConfigured() {
        assertEquals(DPoPMode.AUTO, clients.dpop());
    }
}
