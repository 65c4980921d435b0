package dev.cards.auth.model;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A refresh token ever issued, by its SHA-256 only; retired ones stay to detect reuse. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    public RefreshSession session;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    /** The token with its session and user, in one query. */
    public static Optional<RefreshToken> findWithSession(String tokenHash) {
        return find("from RefreshToken t join fetch t.session s join fetch s.user where t.tokenHash = ?1", tokenHash)
                .firstResultOptional();
    }

    /**
     * Retires the token only if it is still current. The conditional update is the race guard: of
     * N concurrent refreshes (in any number of processes) exactly one sees 1 row.
     */
    public static boolean retireIfCurrent(String tokenHash, Instant now) {
        return update("retiredAt = ?1 where tokenHash = ?2 and retiredAt is null", now, tokenHash) == 1;
    }
}
