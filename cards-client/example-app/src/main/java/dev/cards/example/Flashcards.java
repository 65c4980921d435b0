package dev.cards.example;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.cards.client.api.cards.api.CardsApi;
import dev.cards.client.api.cards.model.Card;
import dev.cards.client.api.cards.model.CardPage;
import dev.cards.client.api.cards.model.CardRequest;
import dev.cards.client.rest.CardsClients;
import io.smallrye.mutiny.Uni;

/**
 * An application's use of the cards-client, as the README shows it: the generated interfaces are
 * injected and called directly; they attach the access token, refresh it and retry by themselves.
 */
@ApplicationScoped
public class Flashcards {

    @Inject
    CardsClients clients;
    @Inject
    @RestClient
    CardsApi cards;
    @Inject
    @RestClient
    dev.cards.client.api.cards.mutiny.api.CardsApi cardsAsync;

    public void signIn(String email, char[] password) {
        clients.sessions().login(email, password);
    }

    public Card add(String question, String answer) {
        return cards.createCard(new CardRequest().question(question).answer(answer));
    }

    public CardPage firstPage() {
        return cards.listCards(0, 20);
    }

    public Uni<dev.cards.client.api.cards.mutiny.model.CardPage> firstPageLater() {
        return cardsAsync.listCards(0, 20);
    }
}
