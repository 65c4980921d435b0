package dev.cards.auth.service;

import java.time.Duration;

/** Too many failed logins for the submitted email; try again after {@link #retryAfter()}. */
public class LoginThrottledException extends RuntimeException {
    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins for this email", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
