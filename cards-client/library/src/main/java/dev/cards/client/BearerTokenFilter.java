package dev.cards.client;

import java.lang.reflect.Method;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.client.impl.RestClientRequestContext;

/**
 * Attaches {@code Authorization: Bearer <access token>} (RFC 6750 §2.1) of one session to the
 * operations that take one, read from memory (never blocking: filters may run on an event loop).
 * With no session the request stops here, unsent.
 */
final class BearerTokenFilter implements ClientRequestFilter {

    static final int PRIORITY = Priorities.AUTHENTICATION;

    private final SessionRefresher refresher;

    BearerTokenFilter(SessionRefresher refresher) {
        this.refresher = refresher;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (!BearerOperations.requiresBearer((Method) request.getProperty(RestClientRequestContext.INVOKED_METHOD_PROP))) {
            return;
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + refresher.current().accessToken());
    }
}
