package dev.cards.auth.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import dev.cards.auth.persistence.ThrottleEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

/**
 * Counters in the database, so every replica shares them. Each row is changed under its row lock;
 * the first insert of a key may lose a race to another request, and is then retried once.
 */
@ApplicationScoped
public class ThrottleCounters {

    private final Clock clock;

    public ThrottleCounters(Clock clock) {
        this.clock = clock;
    }

    /** How long the key stays locked, if it is locked now. A plain read: locks only matter for writes. */
    public Optional<Duration> lockedFor(String key) {
        Instant now = clock.instant();
        ThrottleEntry entry = ThrottleEntry.findById(key);
        return entry != null && entry.lockedUntil != null && now.isBefore(entry.lockedUntil)
                ? Optional.of(Duration.between(now, entry.lockedUntil)) : Optional.empty();
    }

    /**
     * Adds one to each key's count (in this order, so concurrent callers lock rows in the same order)
     * and locks a key for {@code lockFor.apply(count)} once its count reaches {@code max}.
     */
    public void add(Policy policy, String... keys) {
        inNewTransaction(now -> {
            for (String key : keys) {
                bump(key, policy, now);
            }
            return null;
        });
    }

    /**
     * Counts one more use of the key unless it is locked: the answer is how long it stays locked
     * (empty when the use was counted and is allowed).
     */
    public Optional<Duration> take(Policy policy, String key) {
        return inNewTransaction(now -> {
            ThrottleEntry entry = ThrottleEntry.findById(key, LockModeType.PESSIMISTIC_WRITE);
            if (entry != null && entry.lockedUntil != null && now.isBefore(entry.lockedUntil)) {
                return Optional.of(Duration.between(now, entry.lockedUntil));
            }
            bump(key, policy, now);
            return Optional.empty();
        });
    }

    /**
     * Gives back one count {@link #take} took for an attempt that did not turn out to be what the
     * key counts (a right password); the key unlocks if it falls below {@code max}, since then the
     * lock was that attempt's own.
     */
    public void refund(Policy policy, String key) {
        QuarkusTransaction.requiringNew().run(() -> {
            ThrottleEntry entry = ThrottleEntry.findById(key, LockModeType.PESSIMISTIC_WRITE);
            if (entry != null && entry.failures > 0 && --entry.failures < policy.max()) {
                entry.lockedUntil = null;
            }
        });
    }

    /** Whether the key was remembered ({@link #remember}) and its time is not over. A plain read. */
    public boolean isRemembered(String key) {
        ThrottleEntry entry = ThrottleEntry.findById(key);
        return entry != null && clock.instant().isBefore(entry.staleAfter);
    }

    /** Remembers the key for {@code lifetime} from now, as a row without failures; zero remembers nothing. */
    public void remember(String key, Duration lifetime) {
        if (lifetime.isZero() || lifetime.isNegative()) {
            return;
        }
        inNewTransaction(now -> {
            ThrottleEntry entry = ThrottleEntry.findById(key, LockModeType.PESSIMISTIC_WRITE);
            if (entry == null) {
                entry = new ThrottleEntry();
                entry.key = key;
                entry.firstFailureAt = now;
                entry.staleAfter = now.plus(lifetime);
                entry.persist();
            } else {
                entry.staleAfter = now.plus(lifetime);
            }
            ThrottleEntry.flush();
            return null;
        });
    }

    public void clear(String key) {
        QuarkusTransaction.requiringNew().run(() -> ThrottleEntry.deleteById(key));
    }

    private void bump(String key, Policy policy, Instant now) {
        ThrottleEntry entry = ThrottleEntry.findById(key, LockModeType.PESSIMISTIC_WRITE);
        boolean fresh = entry == null;
        if (fresh) {
            entry = new ThrottleEntry();
            entry.key = key;
            entry.firstFailureAt = now;
        } else if (!now.isBefore(entry.firstFailureAt.plus(policy.window()))
                && (entry.lockedUntil == null || !now.isBefore(entry.lockedUntil))) {
            entry.failures = 0;
            entry.firstFailureAt = now;
            entry.lockedUntil = null;
        }
        entry.failures++;
        if (entry.failures >= policy.max()) {
            entry.lockedUntil = now.plus(policy.lockFor(entry.failures, Duration.between(now,
                    entry.firstFailureAt.plus(policy.window()))));
        }
        Instant windowEnd = entry.firstFailureAt.plus(policy.window());
        entry.staleAfter = entry.lockedUntil != null && entry.lockedUntil.isAfter(windowEnd) ? entry.lockedUntil : windowEnd;
        if (fresh) {
            entry.persist();
        }
        ThrottleEntry.flush();
    }

    private <T> T inNewTransaction(Function<Instant, T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> work.apply(clock.instant()));
        } catch (PersistenceException firstInsertLostARace) {
            return QuarkusTransaction.requiringNew().call(() -> work.apply(clock.instant()));
        }
    }
}
