package dev.cards.auth.rest;

/** No Bearer credentials at all: RFC 6750 §3.1 says answer with a bare challenge. */
public class MissingAccessTokenException extends RuntimeException {
    public MissingAccessTokenException() {
        super("An access token is required", null, false, false);
    }
}
