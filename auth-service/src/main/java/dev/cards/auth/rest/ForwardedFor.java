package dev.cards.auth.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The client named by {@code X-Forwarded-For}, read from the right. Each proxy appends the address
 * it got the request from, so the right-most entry that is not a trusted proxy is the one a trusted
 * proxy wrote about its own peer; everything left of it may be the client's invention (MDN,
 * X-Forwarded-For, "Selecting an IP address"). Quarkus takes the left-most entry, which a client
 * behind an appending proxy (nginx's {@code $proxy_add_x_forwarded_for}) picks freely.
 */
final class ForwardedFor {

    private ForwardedFor() {
    }

    /**
     * The client behind {@code peer}, a trusted proxy: walking the entries from the right, the first
     * that is not a trusted proxy; when all are, the left-most. An entry that is no address (garbage,
     * RFC 7239's "unknown") was not written by a trusted proxy about its peer, so the walk ends at the
     * trusted hop that passed it on.
     */
    static byte[] client(byte[] peer, List<String> headerLines, Predicate<byte[]> trusted) {
        List<String> entries = entries(headerLines);
        byte[] hop = peer;
        for (int i = entries.size() - 1; i >= 0; i--) {
            byte[] entry = address(entries.get(i));
            if (entry == null) {
                return hop;
            }
            if (!trusted.test(entry)) {
                return entry;
            }
            hop = entry;
        }
        return hop;
    }

    /** All header lines as one list (RFC 9110 §5.3), empty elements dropped (§5.6.1). */
    static List<String> entries(List<String> headerLines) {
        List<String> entries = new ArrayList<>();
        for (String line : headerLines) {
            for (String element : line.split(",")) {
                String entry = element.strip();
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    /** "192.0.2.1", "192.0.2.1:4711", "2001:db8::1", "[2001:db8::1]", "[2001:db8::1]:4711"; else null. */
    static byte[] address(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close > 0 && portOrNothing(entry.substring(close + 1)) ? Cidr.literal(entry.substring(1, close)) : null;
        }
        int colon = entry.indexOf(':');
        if (colon >= 0 && colon == entry.lastIndexOf(':')) { // one colon: IPv4 with a port
            return portOrNothing(entry.substring(colon)) ? Cidr.literal(entry.substring(0, colon)) : null;
        }
        return Cidr.literal(entry);
    }

    private static boolean portOrNothing(String rest) {
        return rest.isEmpty() || rest.matches(":[0-9]{1,5}") && Integer.parseInt(rest.substring(1)) <= 65_535;
    }
}
