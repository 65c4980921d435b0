package dev.cards.auth.throttle;

import java.time.Duration;
import java.util.Optional;

import dev.cards.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows password guessing without letting a stranger lock an owner out (OWASP Authentication Cheat
 * Sheet, "Account Lockout" and "Credential Stuffing"): failures count per (email, client address),
 * so guesses from one address never block the owner signing in from another, per client address
 * over all emails, so spraying one password over many emails is throttled too, and per IPv6 /48,
 * whose 65 536 /64s are each an address. Keys exist whether or not an account does, so the
 * throttle does not tell which emails have one.
 * <p>
 * Guesses spread over many addresses meet a count per account, over every address that has not
 * signed in to it within {@code known-address-lifetime}. It slows down and never locks out (the
 * cheat sheet's exponential back-off; its "device cookie" idea, with the address as the device):
 * past {@code account-max-failures} each further attempt from such an address waits base-delay,
 * doubling, capped at {@code account-max-delay} (a minute), so a run from any number of addresses
 * gets the window's first few guesses and then about one a minute per account, while the owner
 * signs in at once from an address they signed in from before, and from a new one within one
 * {@code account-max-delay} once the run pauses. An attempt from a new address is counted when it starts (handed back when the
 * password was right), so parallel guesses cannot all pass before the first failure is written.
 * <p>
 * Only a wrong password counts; a correct one clears its (email, address) count and never counts
 * (parallel correct logins all pass). A burst of parallel guesses from one address is bounded by
 * {@link AddressGate}: only its few logins in progress can still be checked when a limit is reached.
 */
@ApplicationScoped
public class LoginThrottle {

    private final ThrottleCounters counters;
    private final Policy pairPolicy;
    private final Policy addressPolicy;
    private final Policy networkPolicy;
    private final Policy accountPolicy;
    private final Duration knownAddressLifetime;

    public LoginThrottle(ThrottleCounters counters, AuthConfig config) {
        AuthConfig.LoginThrottle c = config.loginThrottle();
        this.counters = counters;
        this.pairPolicy = new Policy(c.maxFailures(), c.window(), c.baseDelay(), c.maxDelay());
        this.addressPolicy = new Policy(c.addressMaxFailures(), c.window(), c.baseDelay(), c.maxDelay());
        this.networkPolicy = new Policy(c.networkMaxFailures(), c.window(), c.baseDelay(), c.maxDelay());
        this.accountPolicy = new Policy(c.accountMaxFailures(), c.window(), c.baseDelay(), c.accountMaxDelay());
        this.knownAddressLifetime = c.knownAddressLifetime();
    }

    /**
     * Throws {@link ThrottledException} while the address, its /48, this email from it, or this
     * email from new addresses is locked; otherwise the attempt, to report as failed or succeeded.
     */
    public Attempt admit(String email, String address) {
        String network = Ipv6Site.of(address).map(ThrottleKeys::loginFromNetwork).orElse(null);
        Optional<Duration> byAddress = counters.lockedFor(ThrottleKeys.loginFromAddress(address));
        Optional<Duration> byNetwork = network == null ? Optional.empty() : counters.lockedFor(network);
        Optional<Duration> pair = counters.lockedFor(ThrottleKeys.loginOfAccountFromAddress(email, address));
        Optional<Duration> left = longest(longest(byAddress, byNetwork), pair);
        if (left.isPresent()) {
            throw new ThrottledException(byAddress.isPresent() ? "Too many failed logins from this address"
                    : byNetwork.isPresent() ? "Too many failed logins from this network"
                    : "Too many failed logins for this email from this address", left.get());
        }
        if (known(email, address)) {
            return new Attempt(email, address, network, false);
        }
        String account = ThrottleKeys.loginOfAccount(email);
        // A plain read first, so a flood of refused guesses takes no row lock.
        Optional<Duration> byAccount = counters.lockedFor(account).or(() -> counters.take(accountPolicy, account));
        if (byAccount.isPresent()) {
            throw new ThrottledException("Too many failed logins for this email from new addresses", byAccount.get());
        }
        return new Attempt(email, address, network, true);
    }

    private boolean known(String email, String address) {
        return !knownAddressLifetime.isZero() && !knownAddressLifetime.isNegative()
                && counters.isRemembered(ThrottleKeys.knownAddressOfAccount(email, address));
    }

    /** A wrong password (or an unknown email): counted for the address, its /48 and the pair. */
    public void failed(Attempt attempt) {
        // Address, /48, pair: one row per transaction, so no two callers wait for each other's rows.
        counters.add(addressPolicy, ThrottleKeys.loginFromAddress(attempt.address()));
        if (attempt.networkKey() != null) {
            counters.add(networkPolicy, attempt.networkKey());
        }
        counters.add(pairPolicy, ThrottleKeys.loginOfAccountFromAddress(attempt.email(), attempt.address()));
    }

    /**
     * The right password: the pair starts afresh, the account count gets its attempt back, and the
     * address is known to the account. The address count stays (one own account must not reset it).
     */
    public void succeeded(Attempt attempt) {
        counters.clear(ThrottleKeys.loginOfAccountFromAddress(attempt.email(), attempt.address()));
        if (attempt.countedForAccount()) {
            counters.refund(accountPolicy, ThrottleKeys.loginOfAccount(attempt.email()));
        }
        counters.remember(ThrottleKeys.knownAddressOfAccount(attempt.email(), attempt.address()), knownAddressLifetime);
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        return a.isPresent() && (b.isEmpty() || a.get().compareTo(b.get()) >= 0) ? a : b;
    }

    /** One admitted login: whose, from where, and whether the account count counted it. */
    public record Attempt(String email, String address, String networkKey, boolean countedForAccount) {
    }
}
