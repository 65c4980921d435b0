package dev.cards.example;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.cards.client.api.cards.api.CardsApi;
import dev.cards.client.api.cards.model.CardPage;

/** An application bean with its own fault-tolerance retry around an injected client. */
@ApplicationScoped
public class RetryingReader {

    @Inject
    @RestClient
    CardsApi cards;

    @Retry(maxRetries = 3, delay = 0)
    public CardPage firstPage() {
        return cards.listCards(0, 20);
    }
}
