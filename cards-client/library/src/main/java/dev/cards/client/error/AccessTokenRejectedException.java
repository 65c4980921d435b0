package dev.cards.client.error;

/**
 * 401: the service rejected the request's credentials. Knows which access token was sent, so the
 * refresher can tell a first 401 (refresh) from a late one for a token already replaced (just retry),
 * and whether the challenge said the token is invalid or expired ({@code error="invalid_token"},
 * RFC 6750 §3.1): only then can a new token help.
 */
public class AccessTokenRejectedException extends ApiException {

    private final transient String rejectedAccessToken;
    private final boolean invalidToken;

    public AccessTokenRejectedException(ProblemDetails problem, String rejectedAccessToken, boolean invalidToken) {
        super(401, problem);
        this.rejectedAccessToken = rejectedAccessToken;
        this.invalidToken = invalidToken;
    }

    /** The access token the rejected request carried, or null when it carried none. */
    public String rejectedAccessToken() {
        return rejectedAccessToken;
    }

    /** True when {@code WWW-Authenticate} carried {@code error="invalid_token"}: a refresh may help. */
    public boolean invalidToken() {
        return invalidToken;
    }
}
