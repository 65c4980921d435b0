package dev.cards.client.cli;

import java.util.List;

/** How cards read in the terminal. */
final class CardText {

    private CardText() {
    }

    static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 60 ? line.substring(0, 59) + "…" : line;
    }

    static String tags(List<String> tags) {
        return tags == null || tags.isEmpty() ? "" : "  [" + String.join(", ", tags) + "]";
    }
}
