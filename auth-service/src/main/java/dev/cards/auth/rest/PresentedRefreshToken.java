package dev.cards.auth.rest;

import java.util.Objects;
import java.util.stream.Stream;


/**
 * Finds the refresh token in a request: cookie, `Authorization: Bearer`, or JSON body. RFC 6750 §2
 * forbids sending a credential more than one way; we accept the same token twice (a browser may
 * carry the cookie along) but refuse two different ones rather than guess.
 */
final class PresentedRefreshToken {

    private static final String BEARER = "bearer ";

    private PresentedRefreshToken() {
    }

    /** The token, or null when the request carries none. */
    static String from(String cookie, String authorization, RefreshRequest body) {
        String header = null;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw new InvalidRequestException("Only the Bearer scheme carries a refresh token");
            }
            header = authorization.substring(BEARER.length()).strip();
        }
        String inBody = body == null ? null : body.refreshToken();
        var distinct = Stream.of(cookie, header, inBody).filter(Objects::nonNull).filter(s -> !s.isEmpty()).distinct().toList();
        if (distinct.size() > 1) {
            throw new InvalidRequestException("Send the refresh token one way only");
        }
        return distinct.isEmpty() ? null : distinct.get(0);
    }
}
