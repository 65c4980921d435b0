package dev.cards.cards.rest;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * A user's cards may be kept by that user's own cache only, never by a shared one
 * (RFC 9111 §5.2.2.7 {@code private}); the ETag lets the private cache revalidate. Problems keep
 * their {@code no-store}.
 */
public class PrivateCaching {

    @ServerResponseFilter
    public void markPrivate(ContainerResponseContext response) {
        if (response.getStatus() < 300 && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private");
        }
    }
}
