package dev.cards.client;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * The latest {@code DPoP-Nonce} each server gave (RFC 9449 §8 for the auth-service, §9 for
 * resource servers): every answer carrying the header replaces it, success or not, and the next
 * proof to that server carries it. A server is the origin of a client's base URL: with
 * {@code stork://auth-service} that is the service, whichever replica answered, since the replicas
 * share their nonces (one secret) and the next request, the nonce retry included, may go to another
 * one. One map for the whole JVM ({@link #SHARED}): a nonce is the
 * server's, not a session's, so every {@link CardsClients} of a process (the injected one, one built
 * beside it, the CLI demo's two) uses what any of them was given, and only the first request to a
 * server pays the nonce round. Kept in memory only: a nonce is short-lived, and a stale one costs
 * one more round.
 */
final class DPoPNonces {

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

    /** The response filter of a client whose base URL is {@code server}: keeps the nonces its answers bring. */
    ClientResponseFilter recorder(URI server) {
        return new Recorder(this, server);
    }

    private static final class Recorder implements ClientResponseFilter {
        private final DPoPNonces nonces;
        private final URI server;

        Recorder(DPoPNonces nonces, URI server) {
            this.nonces = nonces;
            this.server = server;
        }

        @Override
        public void filter(ClientRequestContext request, ClientResponseContext response) {
            nonces.remember(server, response.getHeaderString(HEADER));
        }
    }

    /** scheme://host:port in lower case, with the default port spelled out, so that one server is one key ({@code stork://name:80} for a Stork service). */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() != null ? uri.getHost().toLowerCase(Locale.ROOT) : String.valueOf(uri.getRawAuthority());
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + host + ":" + port;
    }
}
