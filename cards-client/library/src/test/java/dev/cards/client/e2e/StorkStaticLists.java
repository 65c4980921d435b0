package dev.cards.client.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Two instances of each service in the client's Stork configuration, on free ports. */
public class StorkStaticLists implements QuarkusTestProfile {

    static final String AUTH_LIST = "quarkus.stork.auth-service.service-discovery.address-list";
    static final String CARDS_LIST = "quarkus.stork.cards-service.service-discovery.address-list";

    @Override
    public Map<String, String> getConfigOverrides() {
        int[] ports = distinctFreePorts(4);
        return Map.of("quarkus.stork.auth-service.service-discovery.type", "static",
                AUTH_LIST, "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1],
                "quarkus.stork.cards-service.service-discovery.type", "static",
                CARDS_LIST, "127.0.0.1:" + ports[2] + ",127.0.0.1:" + ports[3]);
    }

    private static int[] distinctFreePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0)); // all open at once, so no port is handed out twice
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free either way
                }
            }
        }
    }
}
