package dev.cards.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(TestConfig.with(Map.of()));

    @Test
    void hashNamesTheAlgorithmAndTheOwaspMinimumParameters() {
        assertTrue(hasher.hash("correct horse").matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"));
    }

    @Test
    void verifyAcceptsTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse");
        assertTrue(hasher.verify("correct horse", hash));
        assertFalse(hasher.verify("correct horsE", hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("correct horse"), hasher.hash("correct horse"));
    }

    @Test
    void verifyRefusesMalformedOrForeignHashesWithoutFailing() {
        assertFalse(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuv"));
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=1,t=1,p=1$AAAA$AAAA"));
        assertFalse(hasher.verify("x", "garbage"));
        assertFalse(hasher.verify("x", null));
    }

    @Test
    void aHashMadeWithWeakerParametersNeedsARehash() {
        PasswordHasher weaker = new PasswordHasher(TestConfig.with(Map.of("auth.password.memory-kib", "8192",
                "auth.password.iterations", "1")));
        String old = weaker.hash("correct horse");
        assertTrue(hasher.verify("correct horse", old), "old hashes keep verifying");
        assertTrue(hasher.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("correct horse")));
    }
}
