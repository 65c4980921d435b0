package dev.cards.client.error;

/**
 * The stored session was obtained from another auth-service than the one this client is configured
 * for (or, saved by an earlier version, does not say which one, and this one is not on loopback).
 * None of its tokens was sent; the session is kept for the auth-service it belongs to. The user must
 * log in again against this one.
 */
public class OtherIssuerSessionException extends NotSignedInException {

    public OtherIssuerSessionException(String storedIssuer, String configuredIssuer) {
        super(storedIssuer == null
                ? "the saved session does not name the auth-service it came from (saved by an earlier version); "
                        + "its tokens go only to a loopback URL, not to " + configuredIssuer + ": log in again against "
                        + configuredIssuer
                : "the saved session was obtained from " + storedIssuer + "; its tokens are not sent to "
                        + configuredIssuer + ": log in again against " + configuredIssuer);
    }
}
