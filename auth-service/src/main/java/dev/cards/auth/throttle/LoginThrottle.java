package dev.cards.auth.throttle;

import java.time.Duration;
import java.util.Optional;

import dev.cards.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows password guessing without letting a stranger lock an owner out (OWASP Authentication Cheat
 * Sheet, "Account Lockout" and "Credential Stuffing"): failures count per (email, client address),
 * so guesses from one address never block the owner signing in from another, and per client
 * address over all emails, so spraying one password over many emails is throttled too. Keys exist
 * whether or not an account does, so the throttle does not tell which emails have one.
 * <p>
 * Only a wrong password counts; a correct one clears its (email, address) count and never counts
 * (parallel correct logins all pass). A burst of parallel guesses is bounded by
 * {@link AddressGate}: only its few logins in progress from one address can still be checked
 * when the limit is reached.
 */
@ApplicationScoped
public class LoginThrottle {

    private final ThrottleCounters counters;
    private final Policy accountPolicy;
    private final Policy addressPolicy;

    public LoginThrottle(ThrottleCounters counters, AuthConfig config) {
        AuthConfig.LoginThrottle c = config.loginThrottle();
        this.counters = counters;
        this.accountPolicy = new Policy(c.maxFailures(), c.window(), c.baseDelay(), c.maxDelay());
        this.addressPolicy = new Policy(c.addressMaxFailures(), c.window(), c.baseDelay(), c.maxDelay());
    }

    /** Throws {@link ThrottledException} while the address, or this email from it, is locked. */
    public void admit(String email, String address) {
        Optional<Duration> byAddress = counters.lockedFor(ThrottleKeys.loginFromAddress(address));
        Optional<Duration> pair = counters.lockedFor(ThrottleKeys.loginOfAccountFromAddress(email, address));
        Duration left = longest(byAddress, pair);
        if (left != null) {
            throw new ThrottledException(byAddress.isPresent()
                    ? "Too many failed logins from this address" : "Too many failed logins for this email from this address", left);
        }
    }

    /** A wrong password (or an unknown email): counted for the address and for the pair. */
    public void failed(String email, String address) {
        // Address first, then pair: every caller locks the rows in this order, so none deadlocks.
        counters.add(addressPolicy, ThrottleKeys.loginFromAddress(address));
        counters.add(accountPolicy, ThrottleKeys.loginOfAccountFromAddress(email, address));
    }

    /** The right password: the pair starts afresh. The address count stays (one own account must not reset it). */
    public void succeeded(String email, String address) {
        counters.clear(ThrottleKeys.loginOfAccountFromAddress(email, address));
    }

    private static Duration longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b.orElse(null);
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b.get() : a.get();
    }
}
