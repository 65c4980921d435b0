package dev.cards.client.error;

/** There is no session in the token store: the caller must log in. No request was sent. */
public class NotSignedInException extends CardsClientException {

    public NotSignedInException() {
        this("not signed in: log in first");
    }

    protected NotSignedInException(String message) {
        super(message);
    }
}
