package dev.cards.deck.security;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;

/** The cache of verified tokens never answers past its lifetime, past a token's exp, or beyond its size. */
class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static JWTCallerPrincipal expiringIn(long seconds) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("user");
        claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + seconds));
        return new DefaultJWTCallerPrincipal(claims);
    }

    static Clock at(long millisAfterNow) {
        return Clock.fixed(NOW.plusMillis(millisAfterNow), ZoneOffset.UTC);
    }

    @Test
    void aVerifiedTokenIsKnownWithinItsLifetimeOnly() {
        JWTCallerPrincipal p = expiringIn(300);
        VerifiedTokens cache = new VerifiedTokens(1000, 10, at(0));
        cache.put("t", p);
        assertSame(p, cache.get("t"));
        assertNull(cache.get("other"));
    }

    @Test
    void anEntryLapsesAfterTheConfiguredLifetime() {
        JWTCallerPrincipal p = expiringIn(300);
        Clock[] clock = {at(0)};
        VerifiedTokens cache = new VerifiedTokens(1000, 10, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        });
        cache.put("t", p);
        clock[0] = at(999);
        assertSame(p, cache.get("t"));
        clock[0] = at(1000);
        assertNull(cache.get("t"));
    }

    @Test
    void aTokenIsNeverKnownPastItsExp() {
        VerifiedTokens cache = new VerifiedTokens(60_000, 10, at(0));
        cache.put("expired", expiringIn(0));
        assertNull(cache.get("expired"));
    }

    @Test
    void aFullCacheVerifiesNewTokensEveryTime() {
        VerifiedTokens cache = new VerifiedTokens(1000, 1, at(0));
        JWTCallerPrincipal first = expiringIn(300);
        cache.put("a", first);
        cache.put("b", expiringIn(300));
        assertSame(first, cache.get("a"));
        assertNull(cache.get("b"));
    }

    @Test
    void aZeroLifetimeTurnsTheCacheOff() {
        VerifiedTokens cache = new VerifiedTokens(0, 10, at(0));
        cache.put("t", expiringIn(300));
        assertNull(cache.get("t"));
    }
}
