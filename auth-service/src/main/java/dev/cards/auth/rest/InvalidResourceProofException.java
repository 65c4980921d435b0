package dev.cards.auth.rest;

/**
 * The DPoP proof that must come with a bound access token was missing or refused (RFC 9449 §7.1):
 * a 401 with a `DPoP error="invalid_dpop_proof"` challenge, unlike a token request's 400.
 */
public class InvalidResourceProofException extends RuntimeException {

    private final String error;

    /** @param error invalid_dpop_proof, or use_dpop_nonce for a stale nonce (§9) */
    public InvalidResourceProofException(String error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
