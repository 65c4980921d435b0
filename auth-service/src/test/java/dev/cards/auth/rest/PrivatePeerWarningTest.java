package dev.cards.auth.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import dev.cards.testsupport.LogCapture;

/**
 * Without trusted proxies, the first request from a private peer (RFC 1918, RFC 4193) logs one
 * WARN; loopback and public peers none.
 */
class PrivatePeerWarningTest {

    @Test
    void aPrivatePeerIsWarnedAboutOnce() {
        PrivatePeerWarning warning = new PrivatePeerWarning();
        try (LogCapture log = LogCapture.start()) {
            for (String peer : List.of("10.1.2.3", "172.16.0.1", "192.168.1.1", "fd00::1", "10.1.2.3")) {
                warning.onPeer(Cidr.literal(peer));
            }
            List<String> warnings = warningsOf(log);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("AUTH_CLIENT_ADDRESS_TRUSTED_PROXIES"), warnings.get(0));
            assertTrue(!warnings.get(0).contains("10.1.2.3"), "names no address");
        }
    }

    @Test
    void loopbackAndPublicPeersAreNotWarnedAbout() {
        PrivatePeerWarning warning = new PrivatePeerWarning();
        try (LogCapture log = LogCapture.start()) {
            for (String peer : List.of("127.0.0.1", "127.0.0.2", "::1", "203.0.113.7", "172.32.0.1", "2001:db8::1", "fe80::1")) {
                warning.onPeer(Cidr.literal(peer));
            }
            assertEquals(List.of(), warningsOf(log));
        }
    }

    static List<String> warningsOf(LogCapture log) {
        return log.atOrAbove(Level.WARNING).stream().filter(line -> line.contains(ClientAddress.class.getName())).toList();
    }
}
