package dev.cards.auth.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.cards.auth.config.AuthConfig;
import dev.cards.auth.model.LoginThrottleEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

/**
 * Slows password guessing per submitted email (OWASP Authentication Cheat Sheet, "Protect against
 * automated attacks"). Keyed by the email as typed, whether or not an account exists, so the
 * throttle itself does not reveal which accounts exist; it never touches live sessions.
 * <p>
 * Each attempt is counted <em>before</em> the password is checked, under a row lock, so a burst of
 * parallel guesses cannot slip past the limit while earlier guesses are still being hashed. A
 * success then clears the count. The counters live in the database, so every replica shares them.
 */
@ApplicationScoped
public class LoginThrottle {

    private final AuthConfig.LoginThrottle config;
    private final Clock clock;

    public LoginThrottle(AuthConfig config, Clock clock) {
        this.config = config.loginThrottle();
        this.clock = clock;
    }

    /** Counts an attempt; throws {@link LoginThrottledException} while the email is locked. */
    public void admit(String email) {
        try {
            QuarkusTransaction.requiringNew().run(() -> count(email));
        } catch (PersistenceException firstInsertLostARace) {
            QuarkusTransaction.requiringNew().run(() -> count(email));
        }
    }

    /** Forgets the failures of an email after a successful login. */
    public void reset(String email) {
        QuarkusTransaction.requiringNew().run(() -> LoginThrottleEntry.deleteById(email));
    }

    private void count(String email) {
        Instant now = clock.instant();
        LoginThrottleEntry entry = LoginThrottleEntry.findById(email, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            entry = new LoginThrottleEntry();
            entry.email = email;
            entry.firstFailureAt = now;
            entry.persist();
        } else if (entry.lockedUntil != null && now.isBefore(entry.lockedUntil)) {
            Duration left = Duration.between(now, entry.lockedUntil);
            throw new LoginThrottledException(left);
        } else if (now.isAfter(entry.firstFailureAt.plus(config.window()))) {
            entry.failures = 0;
            entry.firstFailureAt = now;
            entry.lockedUntil = null;
        }
        entry.failures++;
        if (entry.failures >= config.maxFailures()) {
            entry.lockedUntil = now.plus(delayAfter(entry.failures));
        }
        LoginThrottleEntry.flush();
    }

    /** base, 2×base, 4×base … for the limit-th, (limit+1)-th … failure, capped at max-delay. */
    Duration delayAfter(int failures) {
        int doublings = Math.min(failures - config.maxFailures(), 30);
        Duration delay = config.baseDelay().multipliedBy(1L << doublings);
        return delay.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : delay;
    }
}
