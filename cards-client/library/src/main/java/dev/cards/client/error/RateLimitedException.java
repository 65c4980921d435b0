package dev.cards.client.error;

import java.time.Duration;
import java.util.Optional;

/** 429: too many attempts; {@link #retryAfter()} is the server's Retry-After when it sent one. */
public class RateLimitedException extends ApiException {

    private final transient Duration retryAfter;

    public RateLimitedException(ProblemDetails problem, Duration retryAfter) {
        super(429, problem);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
