package dev.cards.client;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.cards.client.auth.api.AuthApi;
import dev.cards.client.auth.api.AuthUniApi;
import dev.cards.client.cards.api.CardsApi;
import dev.cards.client.cards.api.CardsUniApi;
import io.quarkus.arc.DefaultBean;

/**
 * What a Quarkus application injects: the four generated interfaces and {@link Sessions}, all of one
 * {@link CardsClients} built from {@link CardsClientConfig} (the application may replace the
 * {@link TokenStore} with a bean of its own; every {@link SessionListener} bean is registered). Each
 * REST client is built when first injected, so one the application does not use is never built.
 */
class CardsClientsProducer {

    @Produces
    @Singleton
    @DefaultBean
    TokenStore tokenStore(CardsClientConfig config) {
        return config.sessionFile().<TokenStore>map(FileTokenStore::new).orElseGet(InMemoryTokenStore::new);
    }

    @Produces
    @Singleton
    CardsClients cardsClients(CardsClientConfig config, TokenStore store, Instance<SessionListener> listeners) {
        CardsClients.Builder builder = CardsClients.builder().authUrl(config.authUrl()).cardsUrl(config.cardsUrl())
                .tokenStore(store).refreshSkew(config.refreshSkew().orElse(null))
                .proactiveRefresh(config.proactiveRefresh()).callDeadline(config.callDeadline())
                .connectTimeout(config.connectTimeout()).readTimeout(config.readTimeout()).dpop(config.dpop());
        listeners.forEach(builder::listener);
        return builder.build();
    }

    @Produces
    @Singleton
    Sessions sessions(CardsClients clients) {
        return clients.sessions();
    }

    @Produces
    @Singleton
    CardsApi cards(CardsClients clients) {
        return clients.cards();
    }

    @Produces
    @Singleton
    CardsUniApi cardsUni(CardsClients clients) {
        return clients.cardsUni();
    }

    @Produces
    @Singleton
    AuthApi auth(CardsClients clients) {
        return clients.auth();
    }

    @Produces
    @Singleton
    AuthUniApi authUni(CardsClients clients) {
        return clients.authUni();
    }
}
