package dev.cards.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.cards.auth.crypto.PasswordHasher.Argon2Params;

/** libargon2 and Bouncy Castle compute the same Argon2id, so hashes stored by one verify with the other. */
class Argon2FunctionTest {

    static final byte[] PASSWORD = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    static final byte[] SALT = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    @Test
    void nativeAndJavaAgreeAtOwaspsMinimumAndAtKeycloaksCost() {
        for (Argon2Params p : new Argon2Params[] {new Argon2Params(19456, 2, 1), new Argon2Params(7168, 5, 1), new Argon2Params(64, 1, 2)}) {
            assertArrayEquals(new JavaArgon2().argon2id(PASSWORD, SALT, p, 32), new NativeArgon2().argon2id(PASSWORD, SALT, p, 32),
                    p.toString());
        }
    }

    @Test
    void autoPicksTheNativeLibraryOnThisPlatform() {
        assertEquals(NativeArgon2.class, PasswordHasher.implementation("auto").getClass());
        assertEquals(JavaArgon2.class, PasswordHasher.implementation("java").getClass());
    }
}
