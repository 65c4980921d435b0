package dev.cards.auth.throttle;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import dev.cards.auth.config.AuthConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A bound, per replica, on the logins in progress: being checked, or waiting for a check in an
 * {@link AddressGate} queue or for a hash slot. Each holds a worker thread while it waits, so
 * without the bound a flood from many addresses takes every worker and refresh, logout and the
 * JWKS queue behind it. Beyond the bound a login is refused at once with 429, never queued (OWASP
 * Denial of Service Cheat Sheet: bound what one kind of request may hold, fail fast).
 */
// Eager: a bound below 1 must stop start-up, not the first login.
@Startup
@ApplicationScoped
public class LoginBulkhead {

    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final Semaphore permits;

    public LoginBulkhead(AuthConfig config) {
        int max = config.loginLimit().maxInProgress();
        if (max < 1) {
            throw new IllegalStateException("auth.login-limit.max-in-progress (AUTH_LOGIN_LIMIT_MAX_IN_PROGRESS) is " + max
                    + "; it must be at least 1 (0 would refuse every login)");
        }
        this.permits = new Semaphore(max);
    }

    /** A place among the logins in progress, or {@link ThrottledException} at once; close it when the login is done. */
    public Pass enter() {
        if (!permits.tryAcquire()) {
            throw new ThrottledException("Too many logins in progress", BUSY_RETRY);
        }
        return permits::release;
    }

    /** A place among the logins in progress. */
    public interface Pass extends AutoCloseable {
        @Override
        void close();
    }
}
