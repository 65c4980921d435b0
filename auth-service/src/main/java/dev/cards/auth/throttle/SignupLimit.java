package dev.cards.auth.throttle;

import dev.cards.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * At most {@code auth.signup-limit.max-per-address} sign-ups per client address and window, counted
 * before the password is hashed, so a flood of sign-ups costs one row update each, not a hash.
 */
@ApplicationScoped
public class SignupLimit {

    private final ThrottleCounters counters;
    private final Policy policy;

    public SignupLimit(ThrottleCounters counters, AuthConfig config) {
        this.counters = counters;
        this.policy = Policy.quota(config.signupLimit().maxPerAddress(), config.signupLimit().window());
    }

    /** Counts a sign-up from the address; throws {@link ThrottledException} once its quota is used up. */
    public void take(String address) {
        counters.take(policy, ThrottleKeys.signupFromAddress(address)).ifPresent(left -> {
            throw new ThrottledException("Too many sign-ups from this address", left);
        });
    }
}
