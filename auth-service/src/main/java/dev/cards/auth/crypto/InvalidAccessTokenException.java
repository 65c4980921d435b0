package dev.cards.auth.crypto;

/** A presented access token failed verification; the message is safe to show the caller. */
public class InvalidAccessTokenException extends RuntimeException {
    public InvalidAccessTokenException(String message) {
        super(message, null, false, false);
    }
}
