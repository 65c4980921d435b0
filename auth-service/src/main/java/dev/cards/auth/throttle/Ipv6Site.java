package dev.cards.auth.throttle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

import io.netty.util.NetUtil;

/**
 * The /48 an IPv6 client lies in: a site's usual allocation (RFC 6177 allows /48 to /64), 65 536
 * /64s, each of which the per-address limits count on its own.
 */
final class Ipv6Site {

    private static final String SLASH_64 = "/64";

    private Ipv6Site() {
    }

    /** "2001:db8:7:0:0:0:0:0/48" for a client address "2001:db8:7:1:0:0:0:0/64"; empty for IPv4. */
    static Optional<String> of(String clientAddress) {
        if (!clientAddress.endsWith(SLASH_64)) {
            return Optional.empty();
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(clientAddress.substring(0, clientAddress.length() - SLASH_64.length()));
        if (bytes == null || bytes.length != 16) {
            return Optional.empty();
        }
        Arrays.fill(bytes, 6, 16, (byte) 0);
        try {
            return Optional.of(InetAddress.getByAddress(bytes).getHostAddress() + "/48");
        } catch (UnknownHostException cannotHappenForSixteenBytes) {
            return Optional.empty();
        }
    }
}
