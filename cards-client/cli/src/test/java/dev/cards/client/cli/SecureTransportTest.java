package dev.cards.client.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Which service URLs the CLI sends credentials to, without Quarkus. */
class SecureTransportTest {

    private static final Config STORK = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
            "quarkus.stork.local.service-discovery.type", "static",
            "quarkus.stork.local.service-discovery.address-list", "127.0.0.1:8081, localhost:8091,[::1]:8101",
            "quarkus.stork.remote.service-discovery.type", "static",
            "quarkus.stork.remote.service-discovery.address-list", "127.0.0.1:8081,auth-2.example.net:8081",
            "quarkus.stork.tls.service-discovery.type", "static",
            "quarkus.stork.tls.service-discovery.address-list", "auth-1.example.net:443,auth-2.example.net:443",
            "quarkus.stork.tls.service-discovery.secure", "true",
            "quarkus.stork.cluster.service-discovery.type", "kubernetes"), "test", 100)).build();

    private static void check(String url) {
        SecureTransport.require("--auth-url", "CARDS_AUTH_URL", URI.create(url), STORK);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://auth.example.com", "https://auth.example.com:8443/base", "HTTPS://auth.example.com",
            "http://localhost:8081", "http://LOCALHOST", "http://127.0.0.1:8081", "http://127.255.255.254",
            "http://[::1]:8081", "http://[0:0:0:0:0:0:0:1]", "stork://local", "stork://tls" })
    void accepted(String url) {
        assertDoesNotThrow(() -> check(url));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://auth.example.com", "http://192.0.2.10:8081", "http://128.0.0.1",
            "http://127.0.0.1.nip.io", "http://localhost.example.com", "http://[::2]", "http://0.0.0.0:8081",
            "http://127.1", "ftp://localhost", "https:///no-host", "stork://remote", "stork://cluster",
            "stork://undefined" })
    void refused(String url) {
        CliFailure refusal = assertThrows(CliFailure.class, () -> check(url));
        assertEquals(ExitCodes.USAGE, refusal.exitCode());
    }
}
