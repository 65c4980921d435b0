package dev.cards.deck.rest;

import java.util.regex.Pattern;

import dev.cards.http.problem.AllowHeader;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The methods each path of this API answers, for the Allow header that RFC 9110 §15.5.6 requires
 * on a 405 (the framework's own 405 carries none).
 */
@ApplicationScoped
public class AllowedMethods implements AllowHeader {

    private static final Pattern COLLECTION = Pattern.compile("/cards/?");
    private static final Pattern ITEM = Pattern.compile("/cards/[^/]+/?");

    /** The Allow header value for {@code path}, or null when the path is not one of ours. */
    @Override
    public String forPath(String path) {
        if (COLLECTION.matcher(path).matches()) {
            return "GET, POST, HEAD, OPTIONS";
        }
        if (ITEM.matcher(path).matches()) {
            return "GET, PUT, DELETE, HEAD, OPTIONS";
        }
        return null;
    }
}
