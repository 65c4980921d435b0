package dev.cards.deck.realauth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import dev.cards.deck.support.TestKey;

/** Writes a test key the way an operator hands it to the auth-service: PEM files. */
final class PemFiles {

    private PemFiles() {
    }

    /** PKCS#8 private key, for {@code auth.signing-key.location}. */
    static Path privateKey(TestKey key, Path dir) throws Exception {
        return write(dir.resolve(key.kid() + ".key.pem"), "PRIVATE KEY", key.privateKey().getEncoded());
    }

    /** X.509 SubjectPublicKeyInfo, for {@code auth.signing-key.additional-public-keys}. */
    static Path publicKey(TestKey key, Path dir) throws Exception {
        return write(dir.resolve(key.kid() + ".pub.pem"), "PUBLIC KEY", key.publicKey().getEncoded());
    }

    private static Path write(Path file, String label, byte[] der) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n");
    }
}
