package dev.cards.deck.security;

/** An access token sent with the wrong scheme for its binding (RFC 9449 §7.1, §7.2): a 401 invalid_token. */
public class TokenSchemeException extends RuntimeException {
    public TokenSchemeException(String message) {
        super(message, null, false, false);
    }
}
