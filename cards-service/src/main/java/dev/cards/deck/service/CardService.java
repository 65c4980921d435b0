package dev.cards.deck.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongPredicate;

import dev.cards.deck.persistence.Card;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

/**
 * The rules for a user's cards. Every query is scoped to the owner, so another user's card is
 * indistinguishable from a missing one (the resource answers 404, never 403).
 */
@ApplicationScoped
public class CardService {

    @Transactional
    public CardPage list(String owner, int page, int size) {
        var query = Card.find("ownerId", Sort.descending("createdAt").and("id", Sort.Direction.Descending), owner);
        var items = query.page(Page.of(page, size)).<Card>list();
        return new CardPage(items, page, size, query.count());
    }

    @Transactional
    public Card create(String owner, CardContent content) {
        Card card = new Card();
        card.id = UUID.randomUUID();
        card.ownerId = owner;
        card.createdAt = now();
        card.updatedAt = card.createdAt;
        write(card, content);
        card.persistAndFlush();
        return card;
    }

    @Transactional
    public Optional<Card> find(String owner, UUID id) {
        return Card.<Card>find("id = ?1 and ownerId = ?2", id, owner).firstResultOptional();
    }

    /**
     * Replaces the card's content when {@code precondition} accepts its current version.
     *
     * @throws StaleCardException when the precondition fails, also when a concurrent update
     *         wins the race between the check and the write (the version column decides)
     */
    @Transactional
    public Optional<Card> update(String owner, UUID id, CardContent content, LongPredicate precondition) {
        Optional<Card> found = find(owner, id);
        found.ifPresent(card -> {
            if (!precondition.test(card.version)) {
                throw new StaleCardException();
            }
            write(card, content);
            card.updatedAt = now();
            try {
                card.flush();
            } catch (OptimisticLockException e) {
                throw new StaleCardException();
            }
        });
        return found;
    }

    @Transactional
    public boolean delete(String owner, UUID id) {
        return Card.delete("id = ?1 and ownerId = ?2", id, owner) > 0;
    }

    private static void write(Card card, CardContent content) {
        card.question = content.question();
        card.answer = content.answer();
        card.tags = new ArrayList<>(content.tags());
    }

    /** Microseconds: what both H2 and PostgreSQL store, so a re-read card equals the written one. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Every card of a deleted account; returns how many. */
    @Transactional
    public long deleteAllOf(String owner) {
        return Card.delete("ownerId", owner);
    }
}
