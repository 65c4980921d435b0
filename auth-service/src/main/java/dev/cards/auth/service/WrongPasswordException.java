package dev.cards.auth.service;

/**
 * The current password given to change the password or delete the account is wrong. A 403, not a
 * 401: the access token is fine, and a client must not take the answer as a reason to refresh.
 */
public class WrongPasswordException extends RuntimeException {
    public WrongPasswordException() {
        super("The current password is wrong", null, false, false);
    }
}
