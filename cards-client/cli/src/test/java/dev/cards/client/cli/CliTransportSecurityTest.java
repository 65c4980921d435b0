package dev.cards.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Plain http:// to another machine is refused before anything is sent (RFC 6749 §10.9, RFC 6750
 * §5.3). The "other machine" is this one's own non-loopback address, where a WireMock server listens
 * and counts what arrives: the refusal must come from the CLI, not from the network.
 */
@QuarkusTest
class CliTransportSecurityTest {

    @Inject
    PicocliCommandLineFactory factory;
    @TempDir
    Path dir;
    WireMockServer server;
    Path sessionFile;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("0.0.0.0"));
        server.start();
        sessionFile = dir.resolve("session.json");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private CliRunner.Result cards(String authUrl, String cardsUrl, String stdin, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] { "--auth-url", authUrl, "--cards-url", cardsUrl, "--session-file",
                sessionFile.toString() }, 0, all, args.length, 6);
        return new CliRunner(factory).withStdin(stdin, all);
    }

    /** This machine's address on a non-loopback interface, as another host would reach it. */
    private String remoteUrl() {
        Optional<String> address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "no non-loopback IPv4 interface on this machine");
        return "http://" + address.get() + ":" + server.port();
    }

    private static Optional<String> nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces().filter(CliTransportSecurityTest::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .map(InetAddress::getHostAddress).findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    @Test
    void plainHttpToARemoteAuthUrlIsRefusedBeforeThePasswordIsSent() {
        String remote = remoteUrl();

        CliRunner.Result result = cards(remote, "https://cards.example.com", "pw-123456\n", "login", "--email",
                "ada@example.com", "--password-stdin");

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("cards: --auth-url " + remote + " (or CARDS_AUTH_URL): use https://"),
                result.err());
        assertEquals(0, server.getAllServeEvents().size(), "nothing may be sent over plain http to another host");
    }

    @Test
    void plainHttpToARemoteCardsUrlIsRefusedBeforeTheAccessTokenIsSent() {
        String remote = remoteUrl();
        SessionFiles.write(sessionFile, "access-0", "refresh-0", "https://auth.example.com");

        CliRunner.Result result = cards("https://auth.example.com", remote, "", "list");

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("cards: --cards-url " + remote), result.err());
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void httpsToRemoteHostsIsAccepted() {
        // No session: the command fails on that, after the URLs passed, and nothing is sent.
        CliRunner.Result result = cards("https://auth.example.com", "https://cards.example.com", "", "whoami");

        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("cards: not signed in"), result.err());
    }
}
