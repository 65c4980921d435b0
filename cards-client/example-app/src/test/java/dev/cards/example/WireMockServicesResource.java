package dev.cards.example;

import java.util.Map;

import dev.cards.client.WireMockServices;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** One WireMock server standing in for both services, on a dynamic port. */
public class WireMockServicesResource implements QuarkusTestResourceLifecycleManager {

    static WireMockServices services;

    @Override
    public Map<String, String> start() {
        services = new WireMockServices();
        return Map.of("cards.client.auth-url", services.url().toString(),
                "cards.client.cards-url", services.url().toString());
    }

    @Override
    public void stop() {
        services.close();
    }
}
