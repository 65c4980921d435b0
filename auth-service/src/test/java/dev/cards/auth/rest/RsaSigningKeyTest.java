package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;

import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** An RSA signing key still works, and then signs RS256 (RFC 7518 §3.3): the configured option. */
@QuarkusTest
@TestProfile(RsaSigningKeyTest.RsaKey.class)
class RsaSigningKeyTest {

    static final KeyPair RSA = KeyRotationTest.newKeyPair("RSA");

    public static class RsaKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path dir = Files.createTempDirectory("auth-rsa-key");
                Path key = Files.writeString(dir.resolve("signing.pem"), KeyRotationTest.pem("PRIVATE KEY", RSA.getPrivate().getEncoded()));
                return Map.of("auth.signing-key.location", key.toString(), "auth.signing-key.generate-if-missing", "false");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void tokensAreSignedRs256AndTheJwksPublishesAnRsaKey() throws Exception {
        api().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kty", everyItem(equalTo("RSA")))
                .body("keys.alg", everyItem(equalTo("RS256")));
        String token = Api.newSession().path("access_token");
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(token);
        jws.setKey(RSA.getPublic());
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
        assertTrue(jws.verifySignature());
        api().header("Authorization", "Bearer " + token).get("/auth/me").then().statusCode(200);
    }
}
