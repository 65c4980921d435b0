package dev.cards.client.rest;

import java.net.URI;
import java.time.Duration;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cards.client.config.CardsClientConfig;
import dev.cards.client.session.FileTokenStore;
import dev.cards.client.session.InMemoryTokenStore;
import dev.cards.client.session.SessionListener;
import dev.cards.client.session.TokenStore;
import io.quarkus.arc.DefaultBean;

/**
 * CDI wiring for applications that use the library: the session the injected generated clients
 * ({@code @Inject @RestClient}) use is this {@link CardsClients}'s; inject it for
 * {@code sessions()} (or replace the
 * {@link TokenStore} with a bean of your own). Service URLs and timeouts come from
 * {@code quarkus.rest-client.auth-api.*} and {@code quarkus.rest-client.cards-api.*}, the refresh
 * settings from {@link CardsClientConfig}; every {@link SessionListener} bean is registered.
 */
public class CardsClientsProducer {

    @Produces
    @Singleton
    @DefaultBean
    TokenStore tokenStore(CardsClientConfig config) {
        return config.sessionFile().<TokenStore>map(FileTokenStore::new).orElseGet(InMemoryTokenStore::new);
    }

    @Produces
    @Singleton
    @DefaultBean
    CardsClients cardsClients(CardsClientConfig config, TokenStore store, Instance<SessionListener> listeners,
            @ConfigProperty(name = "quarkus.rest-client.auth-api.url", defaultValue = "http://localhost:8081") URI authUrl,
            @ConfigProperty(name = "quarkus.rest-client.cards-api.url", defaultValue = "http://localhost:8082") URI cardsUrl,
            @ConfigProperty(name = "quarkus.rest-client.connect-timeout", defaultValue = "5000") long connectMillis,
            @ConfigProperty(name = "quarkus.rest-client.read-timeout", defaultValue = "30000") long readMillis) {
        CardsClients.Builder builder = CardsClients.builder().authUrl(authUrl).cardsUrl(cardsUrl).tokenStore(store)
                .refreshSkew(config.refreshSkew().orElse(null)).proactiveRefresh(config.proactiveRefresh())
                .callDeadline(config.callDeadline()).connectTimeout(Duration.ofMillis(connectMillis))
                .readTimeout(Duration.ofMillis(readMillis));
        listeners.forEach(builder::listener);
        return builder.build();
    }
}
