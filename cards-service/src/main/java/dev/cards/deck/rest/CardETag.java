package dev.cards.deck.rest;

import jakarta.ws.rs.core.EntityTag;

/**
 * A card's ETag is its version, as a strong validator ({@code "3"}): the representation of a
 * card changes exactly when its version does. Strong, because If-Match uses the strong
 * comparison (RFC 9110 §13.1.1), which a weak tag never passes.
 */
final class CardETag {

    private CardETag() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * RFC 9110 §13.1.1: no header means no precondition; "*" matches any current card;
     * otherwise one of the listed strong tags must equal the current one.
     */
    static boolean ifMatch(String header, long currentVersion) {
        if (header == null || header.isBlank()) {
            return true;
        }
        String current = "\"" + currentVersion + "\"";
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
