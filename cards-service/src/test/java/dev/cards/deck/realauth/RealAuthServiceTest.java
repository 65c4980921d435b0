package dev.cards.deck.realauth;

import static dev.cards.deck.support.Api.as;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestKey;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * End to end with the real, packaged auth-service as the JWKS source: its login tokens are
 * accepted here, and after it rotates its signing key (new key, old public key still published)
 * tokens signed by either key verify.
 */
@QuarkusTest
@TestProfile(RealAuthServiceTest.RealJwks.class)
class RealAuthServiceTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String PORT_PROPERTY = "test.real-auth.port";

    /** Points the JWKS location at the port the auth-service will listen on. */
    public static class RealJwks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", "http://127.0.0.1:" + port() + "/.well-known/jwks.json");
        }
    }

    /** One free port per JVM; a system property, so the profile and the test agree on it. */
    static synchronized int port() {
        String chosen = System.getProperty(PORT_PROPERTY);
        if (chosen == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                chosen = Integer.toString(socket.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            System.setProperty(PORT_PROPERTY, chosen);
        }
        return Integer.parseInt(chosen);
    }

    private Path keys;
    private AuthServiceProcess auth;

    @BeforeEach
    void keyDirectory() throws IOException {
        keys = Files.createTempDirectory("cards-real-auth");
    }

    @AfterEach
    void stopAuthService() throws Exception {
        if (auth != null) {
            auth.close();
        }
        try (var files = Files.list(keys)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(keys);
    }

    @Test
    void anAccessTokenFromTheAuthServicesLoginIsAccepted() throws Exception {
        auth = AuthServiceProcess.start(port(), PemFiles.privateKey(TestKey.generate(), keys));

        String token = auth.signUpAndLogIn(newEmail(), PASSWORD);

        as(token).get("/cards").then().statusCode(200);
    }

    @Test
    void afterASigningKeyRotationOldAndNewTokensVerify() throws Exception {
        TestKey oldKey = TestKey.generate();
        auth = AuthServiceProcess.start(port(), PemFiles.privateKey(oldKey, keys));
        String oldToken = auth.signUpAndLogIn(newEmail(), PASSWORD);
        as(oldToken).get("/cards").then().statusCode(200);

        auth.close();
        auth = AuthServiceProcess.start(port(), PemFiles.privateKey(TestKey.generate(), keys),
                PemFiles.publicKey(oldKey, keys));
        String newToken = auth.signUpAndLogIn(newEmail(), PASSWORD);

        as(newToken).get("/cards").then().statusCode(200);
        as(oldToken).get("/cards").then().statusCode(200);
    }

    private static String newEmail() {
        return "cards-" + UUID.randomUUID() + "@example.com";
    }
}
