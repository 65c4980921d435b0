package dev.cards.auth.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One login. It has exactly one current refresh token, known by its SHA-256; a token of this
 * session that is not current was retired by rotation (or never issued), and presenting it is reuse.
 */
@Entity
@Table(name = "refresh_session")
public class RefreshSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Absolute end of the session; rotation never moves it. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** End of the session if no refresh happens before it; each refresh moves it, up to expiresAt. */
    @Column(name = "idle_expires_at", nullable = false)
    public Instant idleExpiresAt;

    /** Hash of the current refresh token. */
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    /** Hash of the token retired by the latest rotation: the only one a reuse grace can cover. */
    @Column(name = "previous_token_hash", length = 64)
    public String previousTokenHash;

    @Column(name = "rotated_at")
    public Instant rotatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** The OAuth client the session was issued to; only it may refresh or revoke it. */
    @Column(name = "client_id", nullable = false, length = 100)
    public String clientId;

    /**
     * The RFC 7638 thumbprint of the DPoP key the session is bound to (RFC 9449 §5): its refresh
     * token is refused without a proof by that key. Null for a bearer session.
     */
    @Column(name = "dpop_jkt", length = 64)
    public String dpopJkt;

    public boolean isLiveAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && now.isBefore(idleExpiresAt);
    }

    /** The session with its user, its row locked until the transaction ends (it serialises with rotation). */
    public static Optional<RefreshSession> lockWithUser(UUID id) {
        return find("from RefreshSession s join fetch s.user where s.id = ?1", id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Revokes every live session of a user; returns how many. */
    public static int revokeAllOf(UUID userId, Instant now) {
        return update("revokedAt = ?1 where user.id = ?2 and revokedAt is null", now, userId);
    }

    /** Ids of the user's live sessions, the least recently used (earliest idle end) first. */
    public static List<UUID> liveOf(UUID userId, Instant now) {
        return getEntityManager().createQuery("select s.id from RefreshSession s where s.user.id = ?1 and s.revokedAt is null"
                + " and s.expiresAt > ?2 and s.idleExpiresAt > ?2 order by s.idleExpiresAt, s.createdAt", UUID.class)
                .setParameter(1, userId).setParameter(2, now).getResultList();
    }

    /** Revokes the given sessions unless already revoked; returns how many. */
    public static int revokeAll(List<UUID> sessionIds, Instant now) {
        return update("revokedAt = ?1 where id in ?2 and revokedAt is null", now, sessionIds);
    }

    /** Revokes one session unless it is already revoked. */
    public static int revoke(UUID sessionId, Instant now) {
        return update("revokedAt = ?1 where id = ?2 and revokedAt is null", now, sessionId);
    }

    /** Deletes the sessions that ended (expired, idle too long, or revoked) before {@code cutoff}; returns how many. */
    public static long purgeEndedBefore(Instant cutoff) {
        return delete("expiresAt < ?1 or idleExpiresAt < ?1 or revokedAt < ?1", cutoff);
    }
}
