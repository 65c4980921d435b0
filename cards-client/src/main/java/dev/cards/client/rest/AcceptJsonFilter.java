package dev.cards.client.rest;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends {@code Accept: application/json, application/problem+json} on every request. For operations
 * without a success body (logout, delete) the generator derives Accept from the error responses
 * alone ({@code application/problem+json}), which the services' resource methods answer with 406.
 */
public class AcceptJsonFilter implements ClientRequestFilter {

    static final String ACCEPT = "application/json, application/problem+json";

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, ACCEPT);
    }
}
