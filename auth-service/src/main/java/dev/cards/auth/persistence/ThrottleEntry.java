package dev.cards.auth.persistence;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Recent failures (or sign-ups) under one throttle key: an (email, address) pair, an address, an
 * IPv6 /48 or an account; or, without failures, an address an account signed in from lately, until
 * {@code staleAfter}. The key is a SHA-256, so the table holds no email or address in the clear.
 */
@Entity
@Table(name = "request_throttle")
public class ThrottleEntry extends PanacheEntityBase {

    @Id
    @Column(name = "throttle_key", length = 64)
    public String key;

    @Column(nullable = false)
    public int failures;

    @Column(name = "first_failure_at", nullable = false)
    public Instant firstFailureAt;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    /** After this the row says nothing any more (window over, lock over) and may be deleted. */
    @Column(name = "stale_after", nullable = false)
    public Instant staleAfter;

    /** Deletes the rows that no longer throttle anything; returns how many. */
    public static long purgeStale(Instant now) {
        return delete("staleAfter < ?1", now);
    }
}
