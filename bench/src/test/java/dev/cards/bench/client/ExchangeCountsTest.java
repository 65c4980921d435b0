package dev.cards.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ExchangeCountsTest {

    private static final URI CARD = URI.create("http://localhost:8082/cards/c1");
    private static final URI REFRESH = URI.create("http://localhost:8081/auth/refresh");
    private final ExchangeCounts counts = new ExchangeCounts();

    private void exchanged(String client, URI uri, int status) {
        counts.exchanged(client, "GET", uri, status, Duration.ofMillis(1));
    }

    @Test
    void countsCards401sAndEveryAnsweredRefreshWhileOpen() {
        counts.open();
        exchanged("cards", CARD, 401);
        exchanged("cards", CARD, 200);
        exchanged("auth-token", REFRESH, 200);
        exchanged("auth-token", REFRESH, 401); // a refused refresh was still sent
        assertEquals(1, counts.cardsRejections());
        assertEquals(2, counts.refreshes());
    }

    @Test
    void countsNothingBeforeOpenOrAfterClose() {
        exchanged("cards", CARD, 401);
        exchanged("auth-token", REFRESH, 200);
        counts.open();
        counts.close();
        exchanged("cards", CARD, 401);
        assertEquals(0, counts.cardsRejections());
        assertEquals(0, counts.refreshes());
    }
}
