package dev.cards.client.session;

/** The auth-service rejected the refresh token ({@code invalid_grant}): the session is over. */
public class RefreshRejectedException extends RuntimeException {

    public RefreshRejectedException(String message) {
        super(message);
    }
}
