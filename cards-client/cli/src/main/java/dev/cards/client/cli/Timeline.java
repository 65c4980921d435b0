package dev.cards.client.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cards.client.ExchangeListener;

/** Prints each HTTP exchange with its time since the start, and counts them for the summary. */
class Timeline implements ExchangeListener {

    private final PrintWriter out;
    private final long start = System.nanoTime();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger unauthorized = new AtomicInteger();
    final AtomicInteger refreshes = new AtomicInteger();
    volatile boolean quiet;

    Timeline(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void exchanged(String client, String method, URI uri, int status, Duration elapsed) {
        requests.incrementAndGet();
        boolean refresh = uri.getPath().endsWith("/auth/refresh");
        if (refresh) {
            refreshes.incrementAndGet();
        } else if (status == 401) {
            unauthorized.incrementAndGet();
        }
        if (!quiet) {
            String path = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
            note(String.format("%-6s %-7s %-28s -> %d  (%d ms)%s", method, client, path, status, elapsed.toMillis(),
                    refresh ? "  refresh" : status == 401 ? "  rejected" : ""));
        }
    }

    synchronized void note(String text) {
        out.printf("%8.3fs  %s%n", (System.nanoTime() - start) / 1e9, text);
        out.flush();
    }

    synchronized void step(String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }
}
