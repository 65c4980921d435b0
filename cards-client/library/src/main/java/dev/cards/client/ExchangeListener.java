package dev.cards.client;

import java.net.URI;
import java.time.Duration;

/**
 * Told about every HTTP exchange the clients complete, without tokens
 * ({@link CardsClients.Builder#exchangeListener}). An observation hook for the CLI's {@code demo}
 * timeline and the benchmark's counts; an application does not need it.
 */
@FunctionalInterface
public interface ExchangeListener {

    /** {@code client} names the client ("auth", "auth-token" for the refresh client, "cards"). */
    void exchanged(String client, String method, URI uri, int status, Duration elapsed);
}
