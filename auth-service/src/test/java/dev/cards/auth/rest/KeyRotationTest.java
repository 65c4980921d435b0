package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.api;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A signing key from a PEM file, plus a retired key's public half still published: an EC P-256
 * (ES256) key that replaced an RSA (RS256) one, the migration from the earlier default.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.KeysFromFiles.class)
class KeyRotationTest {

    static final KeyPair CURRENT = newKeyPair("EC");
    static final KeyPair RETIRED = newKeyPair("RSA");

    public static class KeysFromFiles implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path dir = Files.createTempDirectory("auth-keys");
                Path privateKey = Files.writeString(dir.resolve("signing.pem"), pem("PRIVATE KEY", CURRENT.getPrivate().getEncoded()));
                Path retired = Files.writeString(dir.resolve("retired.pem"), pem("PUBLIC KEY", RETIRED.getPublic().getEncoded()));
                return Map.of("auth.signing-key.location", privateKey.toString(),
                        "auth.signing-key.additional-public-keys", retired.toString(),
                        "auth.signing-key.generate-if-missing", "false");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void jwksPublishesTheSigningKeyAndTheRetiredKey() throws Exception {
        api().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", containsInAnyOrder(kid(CURRENT), kid(RETIRED)));
    }

    @Test
    void tokensAreSignedWithTheConfiguredKeyAndNameIt() throws Exception {
        String token = Api.newSession().path("access_token");
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(token);
        jws.setKey(CURRENT.getPublic());
        assertEquals(true, jws.verifySignature());
        assertEquals(kid(CURRENT), jws.getKeyIdHeaderValue());
        assertEquals("ES256", jws.getAlgorithmHeaderValue());
    }

    @Test
    void jwksNamesEachKeysOwnAlgorithm() {
        api().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.alg", containsInAnyOrder("ES256", "RS256"));
    }

    static String kid(KeyPair pair) throws Exception {
        return PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic()).calculateBase64urlEncodedThumbprint("SHA-256");
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static KeyPair newKeyPair(String type) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
            if (type.equals("EC")) {
                generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
