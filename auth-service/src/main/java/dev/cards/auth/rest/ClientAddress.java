package dev.cards.auth.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's address, for throttling: the connection's peer, or the client named in
 * {@code X-Forwarded-For}/{@code Forwarded} only when Quarkus was told to trust the proxy that
 * connected ({@code quarkus.http.proxy.*}; Quarkus then puts it in {@code remoteAddress()}).
 * IPv6 addresses are cut to their /64, which one subscriber usually gets whole, so an attacker
 * cannot sidestep the per-address limits by counting through it.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress peer = request.remoteAddress();
        String host = peer == null ? null : peer.hostAddress();
        if (host == null || host.isEmpty()) {
            return "unknown";
        }
        try {
            byte[] bytes = InetAddress.getByName(host).getAddress(); // a literal: no lookup happens
            if (bytes.length == 16) {
                java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException notALiteral) {
            return host;
        }
    }
}
