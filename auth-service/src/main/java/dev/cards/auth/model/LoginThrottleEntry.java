package dev.cards.auth.model;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Recent failed logins for one submitted email (which may belong to no account). */
@Entity
@Table(name = "login_throttle")
public class LoginThrottleEntry extends PanacheEntityBase {

    @Id
    @Column(length = 254)
    public String email;

    @Column(nullable = false)
    public int failures;

    @Column(name = "first_failure_at", nullable = false)
    public Instant firstFailureAt;

    @Column(name = "locked_until")
    public Instant lockedUntil;
}
