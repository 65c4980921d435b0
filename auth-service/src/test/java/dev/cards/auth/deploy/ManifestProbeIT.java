package dev.cards.auth.deploy;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import dev.cards.testsupport.deploy.DeclaredProbesContract;

/**
 * The packaged auth-service, started as its Deployment declares it, answers the declared probes.
 * Besides its database Secret `auth-db` behind envFrom (role cards_auth) it needs the
 * `auth-signing-key` Secret mounted as a file, and the `auth-clients` Secret (the cards-service's
 * client secret hash) behind envFrom.
 */
class ManifestProbeIT extends DeclaredProbesContract {

    @Override
    protected Map<String, Map<String, String>> secrets() throws Exception {
        return Map.of(
                "auth-db", Map.of("QUARKUS_DATASOURCE_USERNAME", "cards_auth", "QUARKUS_DATASOURCE_PASSWORD", "cards_auth"),
                "auth-signing-key", Map.of("signing.pem", newSigningKey()),
                // The cards-service's client (deleted accounts): the SHA-256 of its secret, here of "s".
                "auth-clients", Map.of("AUTH_OAUTH_CLIENTS_CARDS_SERVICE_SECRET_SHA256",
                        "043a718774c572bd8a25adbeb1bfcd5c0256ae11cecf9f9c3f925d0e52beaf89"));
    }

    @Override
    protected String testDatabase() {
        return "cards_auth_test";
    }

    /** A fresh EC P-256 key as PKCS#8 PEM, the form `auth.signing-key.location` reads. */
    private static String newSigningKey() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC"); // the key type the service ships with (ES256)
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
