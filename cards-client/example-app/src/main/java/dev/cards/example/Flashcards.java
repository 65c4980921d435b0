package dev.cards.example;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cards.client.Sessions;
import dev.cards.client.cards.api.CardsApi;
import dev.cards.client.cards.api.CardsUniApi;
import dev.cards.client.cards.model.Card;
import dev.cards.client.cards.model.CardPage;
import dev.cards.client.cards.model.CardRequest;
import io.smallrye.mutiny.Uni;

/**
 * An application's use of the cards-client, as the README shows it: the generated interfaces are
 * injected and called directly; they attach the access token, refresh it and retry by themselves.
 */
@ApplicationScoped
public class Flashcards {

    @Inject
    Sessions sessions;
    @Inject
    CardsApi cards;
    @Inject
    CardsUniApi cardsUni;

    public void signIn(String email, char[] password) {
        sessions.login(email, password);
    }

    public Card add(String question, String answer) {
        return cards.createCard(new CardRequest().question(question).answer(answer));
    }

    public CardPage firstPage() {
        return cards.listCards(0, 20);
    }

    public Uni<CardPage> firstPageLater() {
        return cardsUni.listCards(0, 20);
    }
}
