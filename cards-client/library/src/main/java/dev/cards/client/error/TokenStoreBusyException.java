package dev.cards.client;

import dev.cards.client.error.CardsClientException;

/** The token store stayed locked by another thread or process for longer than its lock timeout. */
public class TokenStoreBusyException extends CardsClientException {

    public TokenStoreBusyException(String message) {
        super(message);
    }
}
