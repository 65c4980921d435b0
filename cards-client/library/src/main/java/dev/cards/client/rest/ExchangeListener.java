package dev.cards.client.rest;

import java.net.URI;
import java.time.Duration;

/** Told about every HTTP exchange the clients complete (for timelines and counting; no tokens). */
@FunctionalInterface
public interface ExchangeListener {

    /** {@code client} names the client ("auth", "auth-token" for the refresh client, "cards"). */
    void exchanged(String client, String method, URI uri, int status, Duration elapsed);
}
