package dev.cards.auth.service;

/** Unknown email or wrong password: deliberately one exception, so both answer alike. */
public class InvalidCredentialsException extends RuntimeException {
    public InvalidCredentialsException() {
        super("The email or password is incorrect", null, false, false);
    }
}
