package dev.cards.client;

import java.time.Duration;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/** Reports each completed exchange of one client to an {@link ExchangeListener}. */
final class ExchangeObserver implements ClientRequestFilter, ClientResponseFilter {

    private static final String STARTED = ExchangeObserver.class.getName() + ".started";
    private final String client;
    private final ExchangeListener listener;

    public ExchangeObserver(String client, ExchangeListener listener) {
        this.client = client;
        this.listener = listener;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        Object started = request.getProperty(STARTED);
        Duration elapsed = started instanceof Long nanos ? Duration.ofNanos(System.nanoTime() - nanos) : Duration.ZERO;
        try {
            listener.exchanged(client, request.getMethod(), request.getUri(), response.getStatus(), elapsed);
        } catch (RuntimeException ignored) {
            // an observer must never break a call
        }
    }
}
