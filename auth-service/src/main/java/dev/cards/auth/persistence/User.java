package dev.cards.auth.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who can sign in. The email is stored trimmed and lower-cased. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, length = 254)
    public String email;

    /** Encoded Argon2id hash, PHC string format: names the algorithm and its parameters. */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<User> findByEmail(String email) {
        return find("email", email).firstResultOptional();
    }
}
