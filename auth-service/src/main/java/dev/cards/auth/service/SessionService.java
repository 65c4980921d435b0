package dev.cards.auth.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.cards.auth.config.AuthConfig;
import dev.cards.auth.crypto.AccessTokens;
import dev.cards.auth.crypto.RefreshTokenCodec;
import dev.cards.auth.metrics.AuthMetrics;
import dev.cards.auth.model.RefreshSession;
import dev.cards.auth.model.RefreshToken;
import dev.cards.auth.model.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sessions and their refresh tokens: start on login, refresh (with rotation and reuse detection),
 * revoke. Every decision about a presented refresh token is taken here.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    private final AuthConfig config;
    private final AccessTokens accessTokens;
    private final RefreshTokenCodec codec;
    private final Clock clock;
    private final AuthMetrics metrics;

    public SessionService(AuthConfig config, AccessTokens accessTokens, RefreshTokenCodec codec, Clock clock,
            AuthMetrics metrics) {
        this.config = config;
        this.accessTokens = accessTokens;
        this.codec = codec;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Starts a session for a user who just proved who they are. Call inside a transaction. */
    TokenPair start(User user) {
        Instant now = clock.instant();
        RefreshSession session = new RefreshSession();
        session.id = UUID.randomUUID();
        session.user = user;
        session.createdAt = now;
        session.expiresAt = now.plus(config.session().maxLifetime());
        session.idleExpiresAt = idleEnd(session, now);
        session.persist();
        String token = codec.newToken();
        store(token, session, now);
        return pair(session, token, now);
    }

    /**
     * Exchanges a refresh token for new tokens. Rotation follows RFC 9700 §4.14.2: the presented
     * token is retired, and presenting a retired token again revokes the whole session, except
     * for the immediately previous token within the configured grace.
     */
    public TokenPair refresh(String token) {
        if (!codec.wellFormed(token)) {
            metrics.refreshRejected(false);
            throw new InvalidGrantException("The refresh token is invalid");
        }
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> refreshInTransaction(token));
        // Thrown after the commit, so a revocation for reuse sticks.
        if (outcome.failure() != null) {
            metrics.refreshRejected(outcome.reuse());
            throw new InvalidGrantException(outcome.failure());
        }
        metrics.refreshSucceeded();
        return outcome.tokens();
    }

    /** Revokes the session of a refresh token. Unknown tokens are ignored (RFC 7009 §2.2). */
    public void logout(String token) {
        if (!codec.wellFormed(token)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> RefreshToken.findWithSession(codec.hash(token))
                .ifPresent(t -> RefreshSession.revoke(t.session.id, clock.instant())));
    }

    /** Revokes every session of a user. */
    public void logoutEverywhere(UUID userId) {
        QuarkusTransaction.requiringNew().run(() -> RefreshSession.revokeAllOf(userId, clock.instant()));
    }

    private Outcome refreshInTransaction(String token) {
        Instant now = clock.instant();
        String hash = codec.hash(token);
        RefreshToken presented = RefreshToken.findWithSession(hash).orElse(null);
        if (presented == null) {
            return Outcome.failed("The refresh token is invalid");
        }
        RefreshSession session = presented.session;
        if (!session.isLiveAt(now)) {
            return Outcome.failed(session.revokedAt != null ? "The session was revoked" : "The session expired");
        }
        if (!config.refreshToken().rotation() && presented.retiredAt == null) {
            session.idleExpiresAt = idleEnd(session, now);
            return Outcome.of(pair(session, token, now));
        }
        if (presented.retiredAt == null && RefreshToken.retireIfCurrent(hash, now)) {
            String successor = codec.successorOf(token);
            store(successor, session, now);
            session.previousTokenHash = hash;
            session.rotatedAt = now;
            session.idleExpiresAt = idleEnd(session, now);
            return Outcome.of(pair(session, successor, now));
        }
        // Retired, earlier or by a concurrent refresh that just won: read what that one wrote.
        RefreshSession.getEntityManager().refresh(session);
        Outcome graced = withinGrace(token, hash, session, now);
        if (graced != null) {
            return graced;
        }
        RefreshSession.revoke(session.id, now);
        LOG.warnf("Refresh token reuse detected; session %s of user %s revoked", session.id, session.user.id);
        return new Outcome(null, "The refresh token was already used; the session is revoked", true);
    }

    /** The successor already issued for the previous token, if the grace still covers it. */
    private Outcome withinGrace(String token, String hash, RefreshSession session, Instant now) {
        Duration grace = config.refreshToken().reuseGrace();
        if (grace.isZero() || !hash.equals(session.previousTokenHash) || session.rotatedAt == null
                || !now.isBefore(session.rotatedAt.plus(grace))) {
            return null;
        }
        String successor = codec.successorOf(token);
        RefreshToken issued = RefreshToken.findById(codec.hash(successor));
        if (issued == null || issued.retiredAt != null) {
            return null;
        }
        return Outcome.of(pair(session, successor, now));
    }

    private void store(String token, RefreshSession session, Instant now) {
        RefreshToken row = new RefreshToken();
        row.tokenHash = codec.hash(token);
        row.session = session;
        row.issuedAt = now;
        row.persist();
    }

    private Instant idleEnd(RefreshSession session, Instant now) {
        Instant idle = now.plus(config.refreshToken().lifetime());
        return idle.isBefore(session.expiresAt) ? idle : session.expiresAt;
    }

    private TokenPair pair(RefreshSession session, String refreshToken, Instant now) {
        String access = accessTokens.issue(session.user.id, session.user.email, now);
        // Rounded up: a cookie with Max-Age=0 would be deleted while the token still works.
        long refreshLeft = (Duration.between(now, session.idleExpiresAt).toMillis() + 999) / 1000;
        return new TokenPair(access, config.accessToken().lifetime().toSeconds(), refreshToken, refreshLeft);
    }

    private record Outcome(TokenPair tokens, String failure, boolean reuse) {
        static Outcome of(TokenPair tokens) {
            return new Outcome(tokens, null, false);
        }

        static Outcome failed(String why) {
            return new Outcome(null, why, false);
        }
    }
}
