package dev.cards.auth.rest;

import java.util.Objects;
import java.util.stream.Stream;


/**
 * Finds the refresh token in a request: cookie, `Authorization: Bearer`, or JSON body. RFC 6750 §2
 * forbids sending a credential more than one way; we accept the same token twice (a browser may
 * carry the cookie along) but refuse two different ones rather than guess.
 *
 * @param token the token, or null when the request carries none
 * @param byCookieOnly whether only the cookie carried it: a browser sends that by itself, so only
 *        then the request must pass the CSRF check; a token in the header or body proves its sender knew it
 */
record PresentedRefreshToken(String token, boolean byCookieOnly) {

    private static final String BEARER = "bearer ";

    static PresentedRefreshToken from(String cookie, String authorization, RefreshRequest body) {
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
        if (distinct.isEmpty()) {
            return new PresentedRefreshToken(null, false);
        }
        boolean explicit = (header != null && !header.isEmpty()) || (inBody != null && !inBody.isEmpty());
        return new PresentedRefreshToken(distinct.get(0), !explicit);
    }
}
