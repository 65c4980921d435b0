package dev.cards.client;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * The latest {@code DPoP-Nonce} each server origin gave (RFC 9449 §8 for the auth-service, §9 for
 * resource servers): every answer carrying the header replaces it, success or not, and the next
 * proof to that origin carries it. One map for the whole JVM ({@link #SHARED}): a nonce is the
 * server's, not a session's, so every {@link CardsClients} of a process (the injected one, one built
 * beside it, the CLI demo's two) uses what any of them was given, and only the first request to a
 * server pays the nonce round. Kept in memory only: a nonce is short-lived, and a stale one costs
 * one more round.
 */
final class DPoPNonces implements ClientResponseFilter {

    static final DPoPNonces SHARED = new DPoPNonces();

    static final String HEADER = "DPoP-Nonce";
    /** Above the exception mapper's response filter (5000, highest runs first): errors carry nonces too. */
    static final int PRIORITY = 8000;

    private final Map<String, String> byOrigin = new ConcurrentHashMap<>();

    private DPoPNonces() {
    }

    String nonceFor(URI uri) {
        return byOrigin.get(origin(uri));
    }

    void remember(URI uri, String nonce) {
        if (nonce != null && !nonce.isBlank()) {
            byOrigin.put(origin(uri), nonce.trim());
        }
    }

    /** Forgets the nonce of {@code uri}'s origin (the next proof there goes without one). */
    void forget(URI uri) {
        byOrigin.remove(origin(uri));
    }

    /** Forgets every nonce. */
    void clear() {
        byOrigin.clear();
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        remember(request.getUri(), response.getHeaderString(HEADER));
    }

    /** scheme://host:port in lower case, with the default port spelled out, so that one server is one key. */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() != null ? uri.getHost().toLowerCase(Locale.ROOT) : String.valueOf(uri.getRawAuthority());
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + host + ":" + port;
    }
}
