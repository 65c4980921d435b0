package dev.cards.auth.service;

/** The refresh token cannot be used (RFC 6749 §5.2 `invalid_grant`); the message is safe to show. */
public class InvalidGrantException extends RuntimeException {
    public InvalidGrantException(String message) {
        super(message, null, false, false);
    }
}
