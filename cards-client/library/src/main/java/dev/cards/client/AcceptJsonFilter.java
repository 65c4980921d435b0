package dev.cards.client;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends {@code Accept: application/json, application/problem+json} on every request. For operations
 * without a success body (logout, delete) the generator derives Accept from the error responses
 * alone ({@code application/problem+json}), which the services' resource methods answer with 406.
 */
@Priority(AcceptJsonFilter.PRIORITY)
class AcceptJsonFilter implements ClientRequestFilter {

    static final int PRIORITY = Priorities.HEADER_DECORATOR;
    static final String ACCEPT = "application/json, application/problem+json";

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, ACCEPT);
    }
}
