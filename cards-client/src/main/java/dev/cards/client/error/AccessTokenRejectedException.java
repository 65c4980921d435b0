package dev.cards.client.error;

/**
 * 401: the service rejected the request's credentials. Knows which access token was sent, so the
 * refresher can tell a first 401 (refresh) from a late one for a token already replaced (just retry).
 */
public class AccessTokenRejectedException extends ApiException {

    private final transient String rejectedAccessToken;

    public AccessTokenRejectedException(ProblemDetails problem, String rejectedAccessToken) {
        super(401, problem);
        this.rejectedAccessToken = rejectedAccessToken;
    }

    /** The access token the rejected request carried, or null when it carried none. */
    public String rejectedAccessToken() {
        return rejectedAccessToken;
    }
}
