package dev.cards.auth.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import dev.cards.auth.config.AuthConfig;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The client's address, for throttling: the connection's peer, or, when that peer is a trusted
 * proxy ({@code auth.client-address.trusted-proxies}), the client {@code X-Forwarded-For} names,
 * read from the right ({@link ForwardedFor}). The peer is the socket's, not Quarkus' forwarded view
 * ({@code quarkus.http.proxy.*}), so neither the left-most X-Forwarded-For entry nor a
 * {@code Forwarded} header ever counts. IPv6 addresses are cut to their /64, which one subscriber
 * usually gets whole (RFC 6177), so an attacker cannot sidestep the limits by counting through it.
 */
@Startup // a wrong trusted-proxies entry fails the start, not a request
@ApplicationScoped
public class ClientAddress {

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final List<Cidr> trustedProxies;
    private final PrivatePeerWarning privatePeer = new PrivatePeerWarning();

    public ClientAddress(AuthConfig config) {
        this.trustedProxies = config.clientAddress().trustedProxies().orElse(List.of()).stream()
                .filter(entry -> !entry.isBlank()).map(ClientAddress::trustedProxy).toList();
    }

    public String of(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        SocketAddress socket = connection == null ? null : connection.remoteAddress();
        byte[] peer = socket == null || socket.hostAddress() == null ? null : Cidr.literal(socket.hostAddress());
        if (peer == null) {
            return "unknown";
        }
        return key(client(peer, request.headers().getAll(X_FORWARDED_FOR)));
    }

    /** The client's address, given the peer's and the X-Forwarded-For lines. */
    byte[] client(byte[] peer, List<String> forwardedFor) {
        if (trustedProxies.isEmpty()) {
            privatePeer.onPeer(peer);
            return peer;
        }
        return trusted(peer) ? ForwardedFor.client(peer, forwardedFor, this::trusted) : peer;
    }

    private boolean trusted(byte[] address) {
        return trustedProxies.stream().anyMatch(network -> network.contains(address));
    }

    /** "192.0.2.1", or an IPv6 /64 as "2001:db8:1:2:0:0:0:0/64". */
    static String key(byte[] address) {
        try {
            if (address.length == 16) {
                byte[] network = Arrays.copyOf(address, 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException cannotHappenForFourOrSixteenBytes) {
            throw new IllegalStateException(cannotHappenForFourOrSixteenBytes);
        }
    }

    private static Cidr trustedProxy(String entry) {
        try {
            return Cidr.parse(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("auth.client-address.trusted-proxies: " + e.getMessage(), e);
        }
    }
}
