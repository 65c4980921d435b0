package dev.cards.deck.rest;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * No cache may keep a user's cards, the browser's own included (RFC 9111 §5.2.2.5
 * {@code no-store}; OWASP ASVS 4.0 V8.2.1, anti-caching headers for sensitive data): with
 * {@code private} they stayed in a shared computer's disk cache after logout. The ETag stays for
 * {@code If-Match}. Problems carry their own {@code no-store}.
 */
public class NoStoreCaching {

    @ServerResponseFilter
    public void markNoStore(ContainerResponseContext response) {
        if (response.getStatus() < 300 && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
