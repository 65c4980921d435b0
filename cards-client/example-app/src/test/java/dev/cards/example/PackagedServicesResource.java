package dev.cards.example;

import java.time.Duration;
import java.util.Map;

import dev.cards.client.e2e.Services;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Both packaged services with 3-second access tokens; the application's two URLs point at them. */
public class PackagedServicesResource implements QuarkusTestResourceLifecycleManager {

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(3);
    static Services services;

    @Override
    public Map<String, String> start() {
        try {
            services = Services.get(ACCESS_TOKEN_LIFETIME);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("cards.client.auth-url", services.auth.url().toString(),
                "cards.client.cards-url", services.cards.url().toString());
    }

    @Override
    public void stop() {
        // the services stop with the JVM (Services' shutdown hook)
    }
}
