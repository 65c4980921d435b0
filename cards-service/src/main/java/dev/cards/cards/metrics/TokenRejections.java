package dev.cards.cards.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Access tokens refused, by reason, at /q/metrics: a rise in `invalid` is someone forging. */
@ApplicationScoped
public class TokenRejections {

    private final Counter missing;
    private final Counter expired;
    private final Counter invalid;
    private final Counter insufficientScope;

    public TokenRejections(MeterRegistry registry) {
        missing = counter(registry, "missing");
        expired = counter(registry, "expired");
        invalid = counter(registry, "invalid");
        insufficientScope = counter(registry, "insufficient_scope");
    }

    public void missing() {
        missing.increment();
    }

    public void expired() {
        expired.increment();
    }

    public void invalid() {
        invalid.increment();
    }

    public void insufficientScope() {
        insufficientScope.increment();
    }

    private static Counter counter(MeterRegistry registry, String reason) {
        return Counter.builder("cards.token.rejections").description("Access tokens refused, by reason")
                .tag("reason", reason).register(registry);
    }
}
