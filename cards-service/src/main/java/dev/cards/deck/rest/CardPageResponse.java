package dev.cards.deck.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.cards.deck.service.CardPage;

/** One page of the caller's cards, newest first. */
@Schema(name = "CardPage")
public record CardPageResponse(
        @Schema(required = true) List<CardResponse> items,
        @Schema(required = true, description = "Zero-based page number") int page,
        @Schema(required = true) int size,
        @Schema(required = true, description = "Number of cards the caller has in all") long total) {

    static CardPageResponse of(CardPage page) {
        return new CardPageResponse(page.items().stream().map(CardResponse::of).toList(),
                page.page(), page.size(), page.total());
    }
}
