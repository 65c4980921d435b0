package dev.cards.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @Test
    void withoutAKeyStartUpStopsWithAClearMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SigningKeys(TestConfig.with(Map.of())));
        assertTrue(e.getMessage().contains("AUTH_SIGNING_KEY_LOCATION"), e.getMessage());
    }

    @Test
    void anUnreadableKeyStopsStartUp(@TempDir Path dir) throws Exception {
        Path notAKey = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SigningKeys(TestConfig.with(Map.of("auth.signing-key.location", notAKey.toString()))));
        assertTrue(e.getMessage().contains(notAKey.toString()), e.getMessage());
    }

    @Test
    void aMissingKeyFileStopsStartUp(@TempDir Path dir) {
        String missing = dir.resolve("absent.pem").toString();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SigningKeys(TestConfig.with(Map.of("auth.signing-key.location", missing))));
        assertTrue(e.getMessage().contains(missing), e.getMessage());
    }

    @Test
    void inDevAKeyIsGenerated() {
        SigningKeys keys = new SigningKeys(TestConfig.with(Map.of("auth.signing-key.generate-if-missing", "true")));
        assertEquals(1, keys.publishedKeys().size());
        assertEquals(keys.signingKeyId(), keys.publishedKeys().get(0).getKeyId());
        assertEquals("ES256", keys.algorithm());
    }

    @Test
    void anEcKeyFromOpenSslSignsEs256AndPublishesItsPublicHalf(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Path pem = Files.writeString(dir.resolve("ec.pem"), pem(pair.getPrivate().getEncoded()));
        SigningKeys keys = new SigningKeys(TestConfig.with(Map.of("auth.signing-key.location", pem.toString())));
        assertEquals("ES256", keys.algorithm());
        // The public key is derived from the private one (Q = d·G): it must be the pair's own.
        assertEquals(pair.getPublic(), keys.publishedKeys().get(0).getPublicKey());
    }

    @Test
    void anEcKeyOnAnotherCurveStopsStartUp(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        Path pem = Files.writeString(dir.resolve("p384.pem"), pem(generator.generateKeyPair().getPrivate().getEncoded()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SigningKeys(TestConfig.with(Map.of("auth.signing-key.location", pem.toString()))));
        assertTrue(e.getMessage().contains("P-256"), e.getMessage());
    }

    static String pem(byte[] der) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }
}
