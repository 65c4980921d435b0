package dev.cards.auth.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A deleted account whose cards the cards-service has not yet confirmed deleted: an outbox row,
 * written in the same transaction that deletes the user, read and acknowledged by the
 * cards-service. Only the user's id is kept, and only until then.
 */
@Entity
@Table(name = "account_deletion")
public class AccountDeletion extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** The oldest {@code limit} pending deletions. */
    public static List<AccountDeletion> oldest(int limit) {
        return find("order by requestedAt, userId").page(0, limit).list();
    }
}
