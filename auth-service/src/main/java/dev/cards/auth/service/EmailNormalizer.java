package dev.cards.auth.service;

import java.text.Normalizer;
import java.util.Locale;

/**
 * One spelling per mailbox: trimmed, NFKC-normalised and lower-cased, so visually identical
 * spellings (NFC and NFD "josé", full-width letters) are one account (RFC 8265 §3.3 prepares
 * identifiers the same way: width mapping, case mapping, NFKC).
 */
public final class EmailNormalizer {
    private EmailNormalizer() {
    }

    public static String normalize(String email) {
        if (email == null) {
            return null;
        }
        String folded = Normalizer.normalize(email, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        // Lower-casing can undo the normal form (rarely); normalise once more.
        return Normalizer.normalize(folded, Normalizer.Form.NFKC).strip();
    }
}
