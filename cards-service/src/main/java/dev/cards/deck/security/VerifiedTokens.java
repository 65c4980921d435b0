package dev.cards.deck.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cards.deck.config.CardsConfig;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Access tokens whose signature and claims were verified a moment ago, with their principal: a
 * client sends the same token with every call, and an ES256 verification costs more than the rest
 * of a cached read. Only successes are kept, each until its exp or the configured lifetime,
 * whichever comes first, so an expired token is always checked again (and its skew applied then):
 * the cache never answers past exp + skew, whatever the skew, 0 included.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Entry(JWTCallerPrincipal principal, long validUntilMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int maxEntries;
    private final Clock clock;

    @Inject
    public VerifiedTokens(CardsConfig config) {
        this(config.tokenCache().ttl().toMillis(), config.tokenCache().maxEntries(), Clock.systemUTC());
    }

    VerifiedTokens(long ttlMillis, int maxEntries, Clock clock) {
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The principal of {@code token} if it was verified within the lifetime and has not expired, else null. */
    public JWTCallerPrincipal get(String token) {
        Entry e = entries.get(token);
        if (e == null) {
            return null;
        }
        if (clock.millis() >= e.validUntilMillis()) {
            entries.remove(token, e);
            return null;
        }
        return e.principal();
    }

    public void put(String token, JWTCallerPrincipal principal) {
        if (ttlMillis <= 0) {
            return;
        }
        long now = clock.millis();
        long until = Math.min(now + ttlMillis, principal.getExpirationTime() * 1000);
        if (until <= now) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now >= e.validUntilMillis());
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(token, new Entry(principal, until));
    }
}
