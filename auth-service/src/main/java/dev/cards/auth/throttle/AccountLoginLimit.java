package dev.cards.auth.throttle;

import java.time.Duration;

import dev.cards.auth.config.AuthConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * At most {@code auth.login-limit.max-per-account} successful logins of one account per window,
 * over every client address, counted in the database so that every replica shares the count.
 * Checked before the password is hashed, so a flood of correct logins costs a counter read each,
 * not a hash and a session; counted only after a correct password, so nobody without it can use
 * the limit up and lock the owner out (OWASP Authentication Cheat Sheet, "Account Lockout").
 */
// Eager: a limit below 1 or an empty window must stop start-up, not the first login.
@Startup
@ApplicationScoped
public class AccountLoginLimit {

    private final ThrottleCounters counters;
    private final Policy policy;

    public AccountLoginLimit(ThrottleCounters counters, AuthConfig config) {
        AuthConfig.LoginLimit c = config.loginLimit();
        if (c.maxPerAccount() < 1) {
            throw new IllegalStateException("auth.login-limit.max-per-account (AUTH_LOGIN_LIMIT_MAX_PER_ACCOUNT) is "
                    + c.maxPerAccount() + "; it must be at least 1 (0 would refuse every login)");
        }
        if (c.window().isNegative() || c.window().isZero()) {
            throw new IllegalStateException("auth.login-limit.window (AUTH_LOGIN_LIMIT_WINDOW) is " + c.window()
                    + "; it must be longer than 0");
        }
        this.counters = counters;
        this.policy = Policy.quota(c.maxPerAccount(), c.window());
    }

    /** Throws {@link ThrottledException} while the account has used up its logins; nothing is counted. */
    public void admit(String email) {
        counters.lockedFor(ThrottleKeys.successfulLoginOfAccount(email)).ifPresent(left -> {
            throw refused(left);
        });
    }

    /**
     * Counts a successful login; throws {@link ThrottledException} (and counts nothing) when logins
     * in progress at the same time used the limit up since {@link #admit}.
     */
    public void count(String email) {
        counters.take(policy, ThrottleKeys.successfulLoginOfAccount(email)).ifPresent(left -> {
            throw refused(left);
        });
    }

    private static ThrottledException refused(Duration left) {
        return new ThrottledException("Too many logins to this account", left);
    }
}
