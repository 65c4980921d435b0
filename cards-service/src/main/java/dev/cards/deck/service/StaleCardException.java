package dev.cards.deck.service;

/** The client's If-Match names a version of the card that is no longer current. */
public class StaleCardException extends RuntimeException {

    public StaleCardException() {
        super("The card was changed since the version named in If-Match", null, false, false);
    }
}
