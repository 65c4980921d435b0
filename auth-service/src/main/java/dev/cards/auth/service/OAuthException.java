package dev.cards.auth.service;

import java.time.Duration;

/**
 * An error response of RFC 6749 §5.2 (and RFC 7009 §2.2.1): the code, a description safe to
 * show (no quotes or backslashes, §5.2's character set), and the status it is sent with.
 */
public class OAuthException extends RuntimeException {

    private final String error;
    private final int status;
    private final Duration retryAfter;

    private OAuthException(String error, String description, int status, Duration retryAfter) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException("invalid_request", description, 400, null);
    }

    /** Always 401 with a Basic challenge (§5.2; RFC 9110 §15.5.2 wants a challenge with every 401). */
    public static OAuthException invalidClient(String description) {
        return new OAuthException("invalid_client", description, 401, null);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException("invalid_grant", description, 400, null);
    }

    /** The password grant while logins for this email are throttled: invalid_grant plus Retry-After. */
    public static OAuthException throttled(String description, Duration retryAfter) {
        return new OAuthException("invalid_grant", description, 400, retryAfter);
    }

    public static OAuthException unauthorizedClient(String description) {
        return new OAuthException("unauthorized_client", description, 400, null);
    }

    public static OAuthException unsupportedGrantType(String description) {
        return new OAuthException("unsupported_grant_type", description, 400, null);
    }

    public static OAuthException invalidScope(String description) {
        return new OAuthException("invalid_scope", description, 400, null);
    }

    /** RFC 7009 §2.2.1: this server cannot revoke that kind of token (its access tokens). */
    public static OAuthException unsupportedTokenType(String description) {
        return new OAuthException("unsupported_token_type", description, 400, null);
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }

    /** Set only for a throttled password grant. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
