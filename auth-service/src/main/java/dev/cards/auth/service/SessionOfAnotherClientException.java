package dev.cards.auth.service;

/** A client tried to revoke a session issued to another client (RFC 7009 §2.1). */
public class SessionOfAnotherClientException extends RuntimeException {
    public SessionOfAnotherClientException() {
        super("The token was issued to another client", null, false, false);
    }
}
