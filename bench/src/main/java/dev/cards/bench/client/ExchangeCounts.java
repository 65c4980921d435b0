package dev.cards.bench.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.cards.client.ExchangeListener;

/**
 * Counts, while open, what the client exchanged with the services: 401 answers from the
 * cards-service and refresh requests answered by the auth-service (whatever their status).
 * Closed, it counts nothing, so the warm-up stays out of the figures.
 */
final class ExchangeCounts implements ExchangeListener {

    private final AtomicLong cardsRejections = new AtomicLong();
    private final AtomicLong refreshes = new AtomicLong();
    private volatile boolean open;

    void open() {
        open = true;
    }

    void close() {
        open = false;
    }

    @Override
    public void exchanged(String client, String method, URI uri, int status, Duration elapsed) {
        if (!open) {
            return;
        }
        if (uri.getPath().endsWith("/auth/refresh")) {
            refreshes.incrementAndGet();
        } else if ("cards".equals(client) && status == 401) {
            cardsRejections.incrementAndGet();
        }
    }

    /** 401 answers the cards-service gave the client. */
    long cardsRejections() {
        return cardsRejections.get();
    }

    /** Refresh requests the client sent that got an answer. */
    long refreshes() {
        return refreshes.get();
    }
}
