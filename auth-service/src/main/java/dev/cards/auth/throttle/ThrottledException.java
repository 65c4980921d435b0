package dev.cards.auth.throttle;

import java.time.Duration;

/** Refused for now: too many failures or requests from this client; try again after {@link #retryAfter()}. */
public class ThrottledException extends RuntimeException {
    private final Duration retryAfter;

    public ThrottledException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
