package dev.cards.auth.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Secrets kept in the database: generated once, then the same for every reader. */
@QuarkusTest
class ServiceSecretsTest {

    @Inject
    ServiceSecrets secrets;

    @Test
    void aSecretIsGeneratedOnceAndThenReadAsItIs() {
        String name = "test-" + UUID.randomUUID();
        byte[] first = secrets.getOrCreate(name);
        assertEquals(32, first.length);
        assertArrayEquals(first, secrets.getOrCreate(name));
        assertArrayEquals(first, new ServiceSecrets(java.time.Clock.systemUTC()).getOrCreate(name), "another replica's reader");
    }

    @Test
    void eachNameHasItsOwnSecret() {
        assertFalse(Arrays.equals(secrets.getOrCreate("test-" + UUID.randomUUID()), secrets.getOrCreate("test-" + UUID.randomUUID())));
    }
}
