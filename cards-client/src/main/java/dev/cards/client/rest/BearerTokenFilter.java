package dev.cards.client.rest;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import dev.cards.client.error.NotSignedInException;
import dev.cards.client.session.Session;
import dev.cards.client.session.TokenStore;

/**
 * Attaches {@code Authorization: Bearer <access token>} (RFC 6750 §2.1) from the token store. With no
 * session the request is stopped here, before anything is sent.
 */
public class BearerTokenFilter implements ClientRequestFilter {

    private final TokenStore store;

    public BearerTokenFilter(TokenStore store) {
        this.store = store;
    }

    @Override
    public void filter(ClientRequestContext request) {
        Session session = store.load().orElseThrow(NotSignedInException::new);
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + session.accessToken());
    }
}
