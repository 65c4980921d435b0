package dev.cards.deck.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.cards.deck.persistence.Card;

/** A card as the API shows it; the owner is implied by the token and never shown. */
@Schema(name = "Card")
// Returned inside a Response: registered for native images.
@RegisterForReflection
public record CardResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) String question,
        @Schema(required = true) String answer,
        @Schema(required = true) List<String> tags,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "Increases with every update; the ETag is this number, quoted")
        long version) {

    static CardResponse of(Card card) {
        return new CardResponse(card.id, card.question, card.answer, List.copyOf(card.tags),
                card.createdAt, card.updatedAt, card.version);
    }
}
