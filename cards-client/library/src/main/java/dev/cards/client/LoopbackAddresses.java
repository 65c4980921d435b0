package dev.cards.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a URL names this machine's loopback interface: {@code localhost}, an IPv4 address in
 * 127.0.0.0/8 or the IPv6 {@code ::1}. Decided from the URL's text alone, never by a DNS lookup,
 * so a name that merely resolves to 127.0.0.1 does not count.
 */
public final class LoopbackAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private LoopbackAddresses() {
    }

    /** True when the URL's host is {@code localhost}, in 127.0.0.0/8, or {@code [::1]}. */
    public static boolean contains(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.equals("localhost.")) {
            return true;
        }
        var ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(ipv4.group(i)) > 255) {
                    return false;
                }
            }
            return ipv4.group(1).equals("127");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            try {
                // A literal IPv6 address is parsed, not looked up.
                return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
