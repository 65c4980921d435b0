package dev.cards.auth.throttle;

import java.time.Duration;

/**
 * When a throttle key locks: from the {@code max}-th count within {@code window}. With a base delay
 * the lock lasts base, 2×base, 4×base … for the max-th, (max+1)-th … count, capped at
 * {@code maxDelay}; without one it lasts until the window ends (a plain quota).
 */
public record Policy(int max, Duration window, Duration baseDelay, Duration maxDelay) {

    public static Policy quota(int max, Duration window) {
        return new Policy(max, window, null, null);
    }

    Duration lockFor(int count, Duration leftInWindow) {
        if (baseDelay == null) {
            return leftInWindow;
        }
        int doublings = Math.min(count - max, 30);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
