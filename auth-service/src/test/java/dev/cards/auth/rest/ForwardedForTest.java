package dev.cards.auth.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** Reading X-Forwarded-For from the right, past trusted proxies (10.0.0.0/8 here), from the peer 10.0.0.1. */
class ForwardedForTest {

    private static final byte[] PEER = Cidr.literal("10.0.0.1");
    private static final Predicate<byte[]> TRUSTED = Cidr.parse("10.0.0.0/8")::contains;

    @Test
    void theRightMostUntrustedEntryIsTheClient() {
        assertClient("203.0.113.7", "198.51.100.1, 203.0.113.7");
        assertClient("203.0.113.7", "198.51.100.1, 203.0.113.7, 10.0.0.2, 10.0.0.3");
    }

    @Test
    void severalLinesAreOneListInOrder() {
        assertClient("203.0.113.7", "198.51.100.1", "203.0.113.7, 10.0.0.2");
        assertClient("203.0.113.8", "203.0.113.7", "", "203.0.113.8");
    }

    @Test
    void whenEveryEntryIsTrustedTheLeftMostIs() {
        assertClient("10.0.0.2", "10.0.0.2, 10.0.0.3");
    }

    @Test
    void noEntryLeavesThePeer() {
        assertClient("10.0.0.1");
        assertClient("10.0.0.1", " , ,");
    }

    @Test
    void spacesPortsAndBracketsAreRead() {
        assertClient("203.0.113.7", "  203.0.113.7:4711\t");
        assertClient("2001:db8::1", "[2001:db8::1]:443");
        assertClient("2001:db8::1", "[2001:db8::1]");
        assertClient("2001:db8::1", "2001:db8::1");
        assertClient("203.0.113.7", "[::ffff:203.0.113.7]:80");
    }

    @Test
    void garbageEndsTheWalkAtTheTrustedHopThatPassedItOn() {
        assertClient("10.0.0.1", "garbage");
        assertClient("10.0.0.3", "203.0.113.7, unknown, 10.0.0.3");
        assertClient("203.0.113.7", "garbage, 203.0.113.7");
        assertClient("10.0.0.1", "203.0.113.7:99999");
        assertClient("10.0.0.1", "[2001:db8::1");
        assertClient("10.0.0.1", "2001:db8::1]:80");
        assertClient("10.0.0.1", "\"203.0.113.7\"");
        assertClient("10.0.0.1", "203.0.113.7:");
        assertClient("10.0.0.1", "host.example");
    }

    @Test
    void entriesThatAreNotAddressesAreNull() {
        for (String entry : new String[] {"", "[", "[]", "]", ":", "::::", "1.2.3", "1.2.3.4.5", "[1.2.3.4]:x", "_hidden"}) {
            assertNull(ForwardedFor.address(entry), entry);
        }
    }

    private static void assertClient(String expected, String... lines) {
        assertArrayEquals(Cidr.literal(expected), ForwardedFor.client(PEER, List.of(lines), TRUSTED), String.join(" | ", lines));
    }
}
