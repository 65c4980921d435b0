package dev.cards.auth.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.netty.util.NetUtil;

/** An IP network, "10.0.0.0/8" or "2001:db8::/32", or one address ("10.0.0.7": a /32, a /128). */
record Cidr(byte[] network, int prefix) {

    /** Parses an address or a CIDR; anything else, a host name too (no DNS here), is refused. */
    static Cidr parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        byte[] address = literal(slash < 0 ? t : t.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("not an IP address or CIDR: " + text);
        }
        int bits = address.length * 8;
        if (slash < 0) {
            return new Cidr(address, bits);
        }
        String prefix = t.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
            throw new IllegalArgumentException("not a prefix length from 0 to " + bits + ": " + text);
        }
        return new Cidr(address, Integer.parseInt(prefix));
    }

    /** Whether the address (as {@link #literal} gives it) lies in this network. */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int mask = (0xFF << (8 - prefix % 8)) & 0xFF;
        return prefix % 8 == 0 || (address[whole] & mask) == (network[whole] & mask);
    }

    /**
     * The bytes of an IP literal, or null for anything else: 4 for IPv4 and for an IPv4-mapped
     * IPv6 address (one client, one spelling), 16 for IPv6. Never a DNS lookup.
     */
    static byte[] literal(String text) {
        try {
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
            return bytes == null ? null : InetAddress.getByAddress(bytes).getAddress();
        } catch (UnknownHostException | RuntimeException notALiteral) {
            return null;
        }
    }
}
