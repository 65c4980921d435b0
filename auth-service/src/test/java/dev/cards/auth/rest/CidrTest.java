package dev.cards.auth.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** auth.client-address.trusted-proxies entries: addresses and CIDRs, edge prefixes, never a host name. */
class CidrTest {

    @Test
    void anAddressIsItsOwnNetwork() {
        Cidr one = Cidr.parse("10.0.0.7");
        assertTrue(one.contains(Cidr.literal("10.0.0.7")));
        assertFalse(one.contains(Cidr.literal("10.0.0.8")));
        assertTrue(Cidr.parse("2001:db8::1").contains(Cidr.literal("2001:db8:0:0::1")));
    }

    @Test
    void prefixesCountBits() {
        Cidr twelve = Cidr.parse("172.16.0.0/12");
        assertTrue(twelve.contains(Cidr.literal("172.31.255.255")));
        assertFalse(twelve.contains(Cidr.literal("172.32.0.0")));
        assertTrue(Cidr.parse("fc00::/7").contains(Cidr.literal("fdff::1")));
        assertFalse(Cidr.parse("fc00::/7").contains(Cidr.literal("fe00::1")));
    }

    @Test
    void prefixZeroHoldsEveryAddressOfItsFamilyOnly() {
        assertTrue(Cidr.parse("0.0.0.0/0").contains(Cidr.literal("203.0.113.1")));
        assertFalse(Cidr.parse("0.0.0.0/0").contains(Cidr.literal("2001:db8::1")));
        assertTrue(Cidr.parse("::/0").contains(Cidr.literal("2001:db8::1")));
    }

    @Test
    void fullLengthPrefixesHoldOneAddress() {
        assertTrue(Cidr.parse("192.0.2.1/32").contains(Cidr.literal("192.0.2.1")));
        assertFalse(Cidr.parse("192.0.2.1/32").contains(Cidr.literal("192.0.2.0")));
        assertFalse(Cidr.parse("2001:db8::1/128").contains(Cidr.literal("2001:db8::2")));
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4One() {
        assertArrayEquals(Cidr.literal("192.0.2.1"), Cidr.literal("::ffff:192.0.2.1"));
        assertTrue(Cidr.parse("192.0.2.0/24").contains(Cidr.literal("::ffff:192.0.2.9")));
    }

    @Test
    void hostNamesAndBadPrefixesAreRefused() {
        for (String bad : new String[] {"proxy.example", "localhost", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/-1",
                "10.0.0.0/", "/8", "10.0.0.0/8/8", "10.0.0.0/ 8", "", "10.0.0.256"}) {
            assertThrows(IllegalArgumentException.class, () -> Cidr.parse(bad), bad);
        }
        assertNull(Cidr.literal("localhost"));
    }
}
