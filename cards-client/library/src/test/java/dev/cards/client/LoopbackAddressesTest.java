package dev.cards.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loopback is decided from the URL's text: localhost, 127.0.0.0/8, ::1; never by a lookup. */
class LoopbackAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8081", "http://LocalHost", "http://127.0.0.1", "http://127.0.0.0",
            "http://127.255.255.255:1", "http://[::1]:8081", "http://[0:0:0:0:0:0:0:1]" })
    void loopback(String url) {
        assertTrue(LoopbackAddresses.contains(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://126.255.255.255", "http://128.0.0.1", "http://127.0.0.256", "http://0.0.0.0",
            "http://127.0.0.1.nip.io", "http://localhost.example.com", "http://mylocalhost", "http://[::2]",
            "http://[::]", "http://127.1", "http://example.com", "stork://auth-service", "file:///tmp" })
    void notLoopback(String url) {
        assertFalse(LoopbackAddresses.contains(URI.create(url)));
    }
}
