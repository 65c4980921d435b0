package dev.cards.auth.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.cards.auth.config.AuthConfig;
import dev.cards.auth.config.OAuthConfig;
import dev.cards.auth.crypto.AccessTokens;
import dev.cards.auth.crypto.RefreshTokenCodec;
import dev.cards.auth.metrics.AuthMetrics;
import dev.cards.auth.persistence.RefreshSession;
import dev.cards.auth.persistence.SessionAdvance;
import dev.cards.auth.persistence.User;
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
    private final SessionAdvance advance;
    private final String firstPartyClient;
    private final SessionCap cap;
    private final ClientRegistry clients;

    public SessionService(AuthConfig config, AccessTokens accessTokens, RefreshTokenCodec codec, Clock clock,
            AuthMetrics metrics, SessionAdvance advance, OAuthConfig oauth, SessionCap cap, ClientRegistry clients) {
        this.clients = clients;
        this.advance = advance;
        this.cap = cap;
        this.firstPartyClient = oauth.firstPartyClient();
        this.config = config;
        this.accessTokens = accessTokens;
        this.codec = codec;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The client the JSON endpoints act for. */
    public String firstPartyClient() {
        return firstPartyClient;
    }

    /** The DPoP policy of the JSON endpoints: their client's. */
    public OAuthConfig.DpopPolicy firstPartyDpop() {
        return clients.find(firstPartyClient).orElseThrow().dpop();
    }

    /**
     * Starts a session of {@code clientId} for a user who just proved who they are, ending their least
     * recently used one(s) beyond the cap. Call inside a transaction, with {@code user} managed. With
     * {@code dpopJkt}, the access token is bound to that key, and so is the session of a public
     * client (RFC 9449 §5: a confidential client's refresh token is bound by its authentication).
     */
    TokenPair start(User user, String clientId, String dpopJkt) {
        Instant now = clock.instant();
        RefreshSession session = new RefreshSession();
        session.id = UUID.randomUUID();
        session.user = user;
        session.createdAt = now;
        session.expiresAt = now.plus(config.session().maxLifetime());
        session.idleExpiresAt = idleEnd(session.expiresAt, now);
        session.clientId = clientId;
        session.dpopJkt = dpopJkt != null && !clients.isConfidential(clientId) ? dpopJkt : null;
        String token = codec.newToken(session.id);
        session.tokenHash = codec.hash(token);
        // Signed before the cap locks the user row, so other logins of the account wait on SQL only.
        TokenPair tokens = pair(user.id, user.email, clientId, session.idleExpiresAt, token, now, dpopJkt);
        cap.makeRoom(user, now);
        session.persist();
        return tokens;
    }

    /**
     * Exchanges a refresh token for new tokens. Rotation follows RFC 9700 §4.14.2: the presented
     * token is retired, and presenting a retired token again revokes the whole session, except
     * for the immediately previous token within the configured grace.
     */
    public TokenPair refresh(String token, String dpopJkt) {
        return refresh(token, firstPartyClient, dpopJkt);
    }

    /**
     * The same for the session's own client only: another client's refresh is invalid_grant (RFC 6749
     * §6). {@code dpopJkt} is the key of the request's proof, or null: a session bound to a key is
     * refreshed only with a proof by it, and the new access token is bound to the proof's key.
     */
    public TokenPair refresh(String token, String clientId, String dpopJkt) {
        if (!codec.wellFormed(token)) {
            metrics.refreshRejected(false);
            throw new InvalidGrantException("The refresh token is invalid");
        }
        Instant now = clock.instant();
        UUID sessionId = codec.sessionOf(token);
        String hash = codec.hash(token);
        Outcome outcome = unchangedSession(sessionId, clientId, token, hash, now, dpopJkt);
        if (outcome == null) {
            String next = config.refreshToken().rotation() ? codec.successorOf(token) : token;
            // The common case, a live session's current token, in one statement.
            var advanced = advance.advance(sessionId, clientId, hash, codec.hash(next), now, now.plus(config.refreshToken().lifetime()),
                    dpopJkt);
            outcome = advanced.isPresent()
                    ? Outcome.of(pair(advanced.get().userId(), advanced.get().email(), clientId, advanced.get().idleExpiresAt(),
                            next, now, dpopJkt))
                    : QuarkusTransaction.requiringNew().call(() -> decideUnderLock(sessionId, clientId, token, hash, now, dpopJkt));
        }
        // Thrown after the commit, so a revocation for reuse sticks.
        if (outcome.failure() != null) {
            metrics.refreshRejected(outcome.reuse());
            throw new InvalidGrantException(outcome.failure());
        }
        metrics.refreshSucceeded();
        return outcome.tokens();
    }

    /**
     * Revokes the session a refresh token names. Unknown sessions are ignored (RFC 7009 §2.2). Any
     * token of the session will do, as for reuse: its id is only ever handed out inside its tokens.
     */
    public void logout(String token) {
        if (!codec.wellFormed(token)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> RefreshSession.revoke(codec.sessionOf(token), clock.instant()));
    }

    /**
     * Revokes the session of a refresh token for the client it was issued to (RFC 7009 §2.1);
     * unknown tokens are ignored (§2.2). Throws {@link SessionOfAnotherClientException} otherwise.
     */
    public void revoke(String token, String clientId) {
        if (!codec.wellFormed(token)) {
            return;
        }
        RefreshSession session = RefreshSession.findById(codec.sessionOf(token));
        if (session != null && !clientId.equals(session.clientId)) {
            throw new SessionOfAnotherClientException();
        }
        logout(token);
    }

    /** Revokes every session of a user. */
    public void logoutEverywhere(UUID userId) {
        QuarkusTransaction.requiringNew().run(() -> RefreshSession.revokeAllOf(userId, clock.instant()));
    }

    /**
     * Without rotation, a refresh whose session needs no new idle end is a read: the token stays the
     * same, so there is nothing to write but the idle end, and that only once per renewal step. Null
     * when the write path must decide. A revocation committed before the read is seen by it.
     */
    private Outcome unchangedSession(UUID sessionId, String clientId, String token, String hash, Instant now, String dpopJkt) {
        if (config.refreshToken().rotation()) {
            return null;
        }
        var live = advance.current(sessionId, clientId, hash, now, dpopJkt).orElse(null);
        if (live == null) {
            return null;
        }
        Duration lifetime = config.refreshToken().lifetime();
        Duration step = min(config.refreshToken().idleRenewalStep(), lifetime.dividedBy(10));
        Instant wanted = idleEnd(live.expiresAt(), now);
        if (live.idleExpiresAt().isBefore(wanted.minus(step))) {
            return null;
        }
        return Outcome.of(pair(live.userId(), live.email(), clientId, live.idleExpiresAt(), token, now, dpopJkt));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Every refresh the single statement did not take: the session row is locked, so this
     * serialises with concurrent refreshes of the same session in any process.
     */
    private Outcome decideUnderLock(UUID sessionId, String clientId, String token, String hash, Instant now, String dpopJkt) {
        RefreshSession session = RefreshSession.lockWithUser(sessionId).orElse(null);
        if (session == null) {
            return Outcome.failed("The refresh token is invalid");
        }
        if (!session.isLiveAt(now)) {
            return Outcome.failed(session.revokedAt != null ? "The session was revoked" : "The session expired");
        }
        if (!clientId.equals(session.clientId)) {
            // RFC 6749 §6: the token must have been issued to the client presenting it; not reuse, no revocation.
            return Outcome.failed("The refresh token was issued to another client");
        }
        if (session.dpopJkt != null && !session.dpopJkt.equals(dpopJkt)) {
            // RFC 9449 §5: without the key the token is worth nothing, and presenting it changes nothing:
            // no rotation, no reuse revocation, so a thief can neither use nor end the session.
            return Outcome.failed(dpopJkt == null ? "The refresh token is bound to a DPoP key: send a proof made with it"
                    : "The refresh token is bound to another DPoP key");
        }
        if (hash.equals(session.tokenHash)) {
            // Only when the session changed between the statement and the lock; decide afresh.
            return Outcome.of(advanceLocked(session, token, hash, now, dpopJkt));
        }
        Outcome graced = withinGrace(token, hash, session, now, dpopJkt);
        if (graced != null) {
            return graced;
        }
        // The id is only ever handed out inside this session's tokens, so whoever sends it held one:
        // an earlier token replayed, or a current one guessed at, ends the session (RFC 9700 §4.14.2).
        RefreshSession.revoke(session.id, now);
        LOG.warnf("Refresh token reuse detected; a session of user %s revoked", session.user.id);
        return new Outcome(null, "The refresh token was already used; the session is revoked", true);
    }

    private TokenPair advanceLocked(RefreshSession session, String token, String hash, Instant now, String dpopJkt) {
        String next = token;
        if (config.refreshToken().rotation()) {
            next = codec.successorOf(token);
            session.tokenHash = codec.hash(next);
            session.previousTokenHash = hash;
            session.rotatedAt = now;
        }
        session.idleExpiresAt = idleEnd(session.expiresAt, now);
        return pair(session.user.id, session.user.email, session.clientId, session.idleExpiresAt, next, now, dpopJkt);
    }

    /** The successor already issued for the previous token, if the grace still covers it. */
    private Outcome withinGrace(String token, String hash, RefreshSession session, Instant now, String dpopJkt) {
        Duration grace = config.refreshToken().reuseGrace();
        if (grace.isZero() || !hash.equals(session.previousTokenHash) || session.rotatedAt == null
                || !now.isBefore(session.rotatedAt.plus(grace))) {
            return null;
        }
        String successor = codec.successorOf(token);
        if (!codec.hash(successor).equals(session.tokenHash)) {
            return null; // the successor was itself rotated since
        }
        return Outcome.of(pair(session.user.id, session.user.email, session.clientId, session.idleExpiresAt, successor, now,
                dpopJkt));
    }

    private Instant idleEnd(Instant expiresAt, Instant now) {
        Instant idle = now.plus(config.refreshToken().lifetime());
        return idle.isBefore(expiresAt) ? idle : expiresAt;
    }

    private TokenPair pair(UUID userId, String email, String clientId, Instant idleExpiresAt, String refreshToken,
            Instant now, String dpopJkt) {
        String access = accessTokens.issue(userId, email, clientId, dpopJkt, now);
        // Rounded up: a cookie with Max-Age=0 would be deleted while the token still works.
        long refreshLeft = (Duration.between(now, idleExpiresAt).toMillis() + 999) / 1000;
        return new TokenPair(access, config.accessToken().lifetime().toSeconds(), refreshToken, refreshLeft, dpopJkt != null);
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
