package dev.cards.auth.persistence;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A random secret every replica shares, by name; made once by whichever replica needed it first. */
@Entity
@Table(name = "service_secret")
public class ServiceSecret extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String name;

    /** The secret's bytes, base64url. */
    @Column(nullable = false, length = 64)
    public String secret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
