package dev.cards.http.limits;

/**
 * What {@link RequestLimits} enforces; each service produces one from its own configuration
 * ({@code auth.http.*}, {@code cards.http.*}).
 *
 * @param maxUriLength longest request target (path and query) answered normally
 * @param maxHeaderBytes largest request head (all header lines) answered normally
 * @param challenge the {@code WWW-Authenticate} value sent with a 414 or 431 where every resource
 *     needs a token (RFC 6750 §3), or null where not
 */
public record HeadLimits(int maxUriLength, int maxHeaderBytes, String challenge) {
}
