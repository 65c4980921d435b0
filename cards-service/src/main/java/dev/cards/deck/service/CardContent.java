package dev.cards.deck.service;

import java.util.List;

/** What a user may write on a card; already validated by the resource layer. */
public record CardContent(String question, String answer, List<String> tags) {
}
