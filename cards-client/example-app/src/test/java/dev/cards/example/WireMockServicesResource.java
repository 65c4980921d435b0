package dev.cards.example;

import java.util.Map;

import dev.cards.client.rest.WireMockServices;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** One WireMock server standing in for both services, on a dynamic port. */
public class WireMockServicesResource implements QuarkusTestResourceLifecycleManager {

    static WireMockServices services;

    @Override
    public Map<String, String> start() {
        services = new WireMockServices();
        return Map.of("quarkus.rest-client.auth-api.url", services.url().toString(),
                "quarkus.rest-client.cards-api.url", services.url().toString());
    }

    @Override
    public void stop() {
        services.close();
    }
}
