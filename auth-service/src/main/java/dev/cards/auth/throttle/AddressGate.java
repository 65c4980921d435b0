package dev.cards.auth.throttle;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.cards.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A per-address bulkhead in front of the password check: at most {@code address-concurrency} logins
 * from one client address are checked at once and {@code address-queue} more wait their turn; the
 * rest are refused at once. One address flooding login therefore holds at most that many of the
 * hash slots, and other clients' logins do not queue behind its flood. Per replica, in memory: an
 * address's entry lives only while it has logins in progress.
 */
@ApplicationScoped
public class AddressGate {

    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);
    private static final long MAX_WAIT_SECONDS = 10;

    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final int concurrency;
    private final int capacity;

    public AddressGate(AuthConfig config) {
        this.concurrency = Math.max(1, config.loginThrottle().addressConcurrency());
        this.capacity = concurrency + Math.max(0, config.loginThrottle().addressQueue());
    }

    /** Waits for this address's turn; close the pass when the check is done. */
    public Pass enter(String address) {
        boolean[] admitted = {false};
        Lane lane = lanes.compute(address, (key, existing) -> {
            Lane l = existing != null ? existing : new Lane(concurrency);
            if (l.entered < capacity) {
                l.entered++;
                admitted[0] = true;
            }
            return l;
        });
        if (!admitted[0]) {
            throw busy();
        }
        boolean turn;
        try {
            turn = lane.turns.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            leave(address);
            throw busy();
        }
        return () -> {
            lane.turns.release();
            leave(address);
        };
    }

    private void leave(String address) {
        lanes.computeIfPresent(address, (key, l) -> --l.entered == 0 ? null : l);
    }

    private static ThrottledException busy() {
        return new ThrottledException("Too many logins at once from this address", BUSY_RETRY);
    }

    /** One address's logins in progress: the count is changed only inside the map's compute. */
    private static final class Lane {
        final Semaphore turns;
        int entered;

        Lane(int concurrency) {
            this.turns = new Semaphore(concurrency, true);
        }
    }

    /** A turn at the password check. */
    public interface Pass extends AutoCloseable {
        @Override
        void close();
    }
}
