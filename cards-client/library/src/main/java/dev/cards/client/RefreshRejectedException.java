package dev.cards.client;

/** The auth-service rejected the refresh token ({@code invalid_grant}): the session is over. */
class RefreshRejectedException extends RuntimeException {

    public RefreshRejectedException(String message) {
        super(message);
    }
}
