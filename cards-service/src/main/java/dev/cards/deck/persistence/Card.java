package dev.cards.deck.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A flash card, owned by the user named in the access token's {@code sub}. */
@Entity
@Table(name = "card")
public class Card extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    public String ownerId;

    @Column(nullable = false, length = 1000)
    public String question;

    @Column(nullable = false, length = 4000)
    public String answer;

    /** Stored as one JSON column: at most 10 short tags, always read with the card. */
    @Convert(converter = TagListConverter.class)
    @Column(nullable = false, length = 4000)
    public List<String> tags = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic-lock counter; also the source of the card's ETag. */
    @Version
    @Column(nullable = false)
    public long version;
}
