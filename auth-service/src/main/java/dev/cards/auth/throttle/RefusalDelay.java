package dev.cards.auth.throttle;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import dev.cards.auth.config.AuthConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Holds a throttling refusal for a moment before answering it. A flood retries each 429 at once,
 * so an immediate answer invites the next request and the refusals alone fill the CPU that refresh
 * and JWKS need; held on a timer (no worker thread), each of the flood's connections costs one
 * cheap request per delay (OWASP Denial of Service Cheat Sheet: slow the abusive client down,
 * fail cheaply). The number held at once is bounded, so holding cannot itself exhaust memory.
 */
// Eager: a bad setting must stop start-up, not the first refusal.
@Startup
@ApplicationScoped
public class RefusalDelay {

    private final Duration delay;
    private final Semaphore held;

    public RefusalDelay(AuthConfig config) {
        AuthConfig.LoginLimit c = config.loginLimit();
        if (c.refusalDelay().isNegative()) {
            throw new IllegalStateException("auth.login-limit.refusal-delay (AUTH_LOGIN_LIMIT_REFUSAL_DELAY) is "
                    + c.refusalDelay() + "; it must be 0 (answer at once) or longer");
        }
        if (c.maxHeldRefusals() < 1) {
            throw new IllegalStateException("auth.login-limit.max-held-refusals (AUTH_LOGIN_LIMIT_MAX_HELD_REFUSALS) is "
                    + c.maxHeldRefusals() + "; it must be at least 1");
        }
        this.delay = c.refusalDelay();
        this.held = new Semaphore(c.maxHeldRefusals());
    }

    /** The refusal, answered after the delay (never later than {@code retryAfter}), or at once when too many are held. */
    public Uni<Response> answer(Response refusal, Duration retryAfter) {
        Duration wait = retryAfter.compareTo(delay) < 0 ? retryAfter : delay;
        if (wait.isZero() || wait.isNegative() || !held.tryAcquire()) {
            return Uni.createFrom().item(refusal);
        }
        return Uni.createFrom().item(refusal).onItem().delayIt().by(wait).eventually((Runnable) held::release);
    }
}
