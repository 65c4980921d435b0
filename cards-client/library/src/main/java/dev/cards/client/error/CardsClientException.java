package dev.cards.client.error;

/** Base of every exception the cards client throws on purpose. */
public class CardsClientException extends RuntimeException {

    public CardsClientException(String message) {
        super(message);
    }

    public CardsClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
