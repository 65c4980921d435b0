package dev.cards.client.error;

/**
 * The auth-service rejected the refresh token ({@code invalid_grant}, RFC 6749 §5.2): the session
 * is over and has been removed from the token store. The user must log in again.
 */
public class SessionExpiredException extends NotSignedInException {

    public SessionExpiredException() {
        super("session expired: log in again");
    }
}
