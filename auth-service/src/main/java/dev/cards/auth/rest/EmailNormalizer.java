package dev.cards.auth.rest;

import java.util.Locale;

/** One spelling per mailbox: trimmed, lower-cased. */
public final class EmailNormalizer {
    private EmailNormalizer() {
    }

    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
