package dev.cards.auth.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cards.auth.crypto.TestConfig;
import dev.cards.testsupport.LogCapture;

/** Which address counts, per auth.client-address.trusted-proxies (see also ForwardedAddressTest over HTTP). */
class ClientAddressTest {

    private static final List<String> SPOOFED = List.of("198.51.100.1, 203.0.113.7");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress addresses = new ClientAddress(TestConfig.with(Map.of()));
        assertArrayEquals(Cidr.literal("10.0.0.1"), addresses.client(Cidr.literal("10.0.0.1"), SPOOFED));
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClient() {
        ClientAddress addresses = trusting("10.0.0.0/8, 2001:db8:ff::/48");
        assertArrayEquals(Cidr.literal("192.168.0.1"), addresses.client(Cidr.literal("192.168.0.1"), SPOOFED));
    }

    @Test
    void aTrustedPeerNamesTheClientFromTheRight() {
        ClientAddress addresses = trusting("10.0.0.0/8, 2001:db8:ff::/48");
        assertArrayEquals(Cidr.literal("203.0.113.7"), addresses.client(Cidr.literal("10.0.0.1"), SPOOFED));
        assertArrayEquals(Cidr.literal("203.0.113.7"),
                addresses.client(Cidr.literal("2001:db8:ff::1"), List.of("198.51.100.1, 203.0.113.7, 10.9.9.9")));
    }

    @Test
    void ipv6ClientsCountPerSlash64() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddress.key(Cidr.literal("2001:db8:1:2:aaaa::1")));
        assertEquals("192.0.2.1", ClientAddress.key(Cidr.literal("::ffff:192.0.2.1")));
    }

    @Test
    void aWrongTrustedProxyEntryFailsTheStartNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trusting("10.0.0.0/8, proxy.example"));
        assertTrue(e.getMessage().startsWith("auth.client-address.trusted-proxies: "), e.getMessage());
    }

    @Test
    void withTrustedProxiesAPrivatePeerIsNotWarnedAbout() {
        ClientAddress addresses = trusting("10.0.0.1");
        try (LogCapture log = LogCapture.start()) {
            addresses.client(Cidr.literal("192.168.0.1"), List.of());
            assertEquals(List.of(), PrivatePeerWarningTest.warningsOf(log));
        }
    }

    @Test
    void withoutTrustedProxiesTheFirstPrivatePeerIsWarnedAboutOnce() {
        ClientAddress addresses = new ClientAddress(TestConfig.with(Map.of()));
        try (LogCapture log = LogCapture.start()) {
            addresses.client(Cidr.literal("127.0.0.1"), List.of());
            addresses.client(Cidr.literal("192.168.0.1"), List.of());
            addresses.client(Cidr.literal("10.0.0.1"), List.of());
            assertEquals(1, PrivatePeerWarningTest.warningsOf(log).size());
        }
    }

    private static ClientAddress trusting(String cidrs) {
        return new ClientAddress(TestConfig.with(Map.of("auth.client-address.trusted-proxies", cidrs)));
    }
}
