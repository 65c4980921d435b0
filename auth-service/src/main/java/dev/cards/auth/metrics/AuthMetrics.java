package dev.cards.auth.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters at /q/metrics: what operators watch for attacks (failures, throttling, reuse). */
@ApplicationScoped
public class AuthMetrics {

    private final Counter loginSuccess;
    private final Counter loginFailure;
    private final Counter loginThrottled;
    private final Counter refreshSuccess;
    private final Counter refreshRejected;
    private final Counter refreshReuse;

    public AuthMetrics(MeterRegistry registry) {
        loginSuccess = login(registry, "success");
        loginFailure = login(registry, "failure");
        loginThrottled = login(registry, "throttled");
        refreshSuccess = refresh(registry, "success");
        refreshRejected = refresh(registry, "rejected");
        refreshReuse = refresh(registry, "reuse_detected");
    }

    public void loginSucceeded() {
        loginSuccess.increment();
    }

    public void loginFailed() {
        loginFailure.increment();
    }

    public void loginThrottled() {
        loginThrottled.increment();
    }

    public void refreshSucceeded() {
        refreshSuccess.increment();
    }

    /** Any refused refresh; a detected reuse counts here and under its own outcome. */
    public void refreshRejected(boolean reuse) {
        refreshRejected.increment();
        if (reuse) {
            refreshReuse.increment();
        }
    }

    private static Counter login(MeterRegistry registry, String outcome) {
        return Counter.builder("auth.logins").description("Password logins by outcome").tag("outcome", outcome)
                .register(registry);
    }

    private static Counter refresh(MeterRegistry registry, String outcome) {
        return Counter.builder("auth.refreshes").description("Refresh-token grants by outcome").tag("outcome", outcome)
                .register(registry);
    }
}
