package dev.cards.auth.rest;

/** A request we understand but refuse (RFC 6749 §5.2 `invalid_request`); the message is safe to show. */
public class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
