package dev.cards.deck.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Access tokens refused, by reason, at /q/metrics: a rise in `invalid` is someone forging. */
@ApplicationScoped
public class TokenRejections {

    /** Why a token was refused; its lower-case name is the `reason` tag. */
    public enum Reason { MISSING, EXPIRED, INVALID, INSUFFICIENT_SCOPE, WRONG_SCHEME, INVALID_PROOF }

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

    public TokenRejections(MeterRegistry registry) {
        // Registered up front, so every reason shows at 0 before the first refusal.
        for (Reason reason : Reason.values()) {
            counters.put(reason, Counter.builder("cards.token.rejections").description("Access tokens refused, by reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    public void count(Reason reason) {
        counters.get(reason).increment();
    }
}
