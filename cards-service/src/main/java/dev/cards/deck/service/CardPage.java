package dev.cards.deck.service;

import java.util.List;

import dev.cards.deck.persistence.Card;

/** One page of a user's cards, newest first, and how many cards the user has in all. */
public record CardPage(List<Card> items, int page, int size, long total) {
}
