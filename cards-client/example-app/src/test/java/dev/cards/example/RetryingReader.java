package dev.cards.example;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;

import dev.cards.client.cards.api.CardsApi;
import dev.cards.client.cards.model.CardPage;

/** An application bean with its own fault-tolerance retry around an injected client. */
@ApplicationScoped
public class RetryingReader {

    @Inject
    CardsApi cards;

    @Retry(maxRetries = 3, delay = 0)
    public CardPage firstPage() {
        return cards.listCards(0, 20);
    }
}
