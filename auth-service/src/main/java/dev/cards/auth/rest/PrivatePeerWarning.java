package dev.cards.auth.rest;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * Warns once, at the first request whose peer is a private address while no trusted proxy is set:
 * that peer is most likely a reverse proxy, so every user shares its address, and the per-address
 * limits (20 wrong passwords) refuse them all. Only a request can tell, since the start cannot
 * know who will connect. The line names no address, email or token.
 */
final class PrivatePeerWarning {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class);

    /**
     * RFC 1918 and RFC 4193 (fc00::/7). Loopback is left out: a loopback peer shares the service's
     * own host (a developer's run, the tests, a health check), where a warning at every start would
     * teach people to ignore it; a proxy on the same host is the one case this does not catch.
     */
    private static final List<Cidr> PRIVATE = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"), Cidr.parse("fc00::/7"));

    private final AtomicBoolean warned = new AtomicBoolean();

    void onPeer(byte[] peer) {
        if (!warned.get() && PRIVATE.stream().anyMatch(network -> network.contains(peer)) && warned.compareAndSet(false, true)) {
            LOG.warn("A request came from a private address and auth.client-address.trusted-proxies is empty: if a"
                    + " reverse proxy forwards the requests, every client shares its address, and the login and sign-up"
                    + " limits per address refuse them all at once. List the proxy in AUTH_CLIENT_ADDRESS_TRUSTED_PROXIES."
                    + " (Logged once.)");
        }
    }
}
