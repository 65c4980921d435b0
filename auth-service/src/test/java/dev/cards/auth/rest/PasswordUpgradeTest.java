package dev.cards.auth.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cards.auth.crypto.PasswordHasher;
import dev.cards.auth.persistence.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PasswordUpgradeTest {

    // m=8 MiB, t=1: below today's configured cost, as if stored before the cost was raised.
    private static final String WEAK_HASH_OF_PASSWORD =
            "$argon2id$v=19$m=8192,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$";

    @Inject
    PasswordHasher hasher;

    @Test
    void loginUpgradesAHashMadeWithWeakerParameters() {
        String email = Api.newEmail();
        String weak = weakHash(Api.PASSWORD);
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            User user = new User();
            user.id = id;
            user.email = email;
            user.passwordHash = weak;
            user.createdAt = Instant.now();
            user.persist();
        });
        assertTrue(hasher.needsRehash(weak));
        Api.logIn(email);
        String stored = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).passwordHash);
        assertFalse(hasher.needsRehash(stored), stored);
        assertTrue(hasher.verify(Api.PASSWORD, stored));
    }

    private static String weakHash(String password) {
        var params = new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(8192).withIterations(1).withParallelism(1)
                .withSalt("somesaltsomesalt".getBytes()).build();
        var generator = new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[32];
        generator.generateBytes(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), out);
        return WEAK_HASH_OF_PASSWORD + java.util.Base64.getEncoder().withoutPadding().encodeToString(out);
    }
}
