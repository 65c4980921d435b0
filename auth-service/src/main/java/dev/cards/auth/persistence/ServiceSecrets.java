package dev.cards.auth.persistence;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

/**
 * Secrets kept in the database so that every replica holds the same one without an operator
 * providing it: the first replica to ask generates it; replicas starting at the same moment race
 * on the primary key, and the loser reads the winner's.
 */
@ApplicationScoped
public class ServiceSecrets {

    private static final int BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public ServiceSecrets(Clock clock) {
        this.clock = clock;
    }

    /** The 32 random bytes called {@code name}, generated now if no replica made them yet. */
    public byte[] getOrCreate(String name) {
        byte[] existing = read(name);
        if (existing != null) {
            return existing;
        }
        byte[] fresh = new byte[BYTES];
        random.nextBytes(fresh);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ServiceSecret secret = new ServiceSecret();
                secret.name = name;
                secret.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(fresh);
                secret.createdAt = clock.instant();
                secret.persistAndFlush();
            });
        } catch (PersistenceException anotherReplicaWasFirst) {
            // its secret is read below
        }
        byte[] kept = read(name);
        if (kept == null) {
            throw new IllegalStateException("The service secret " + name + " could not be stored");
        }
        return kept;
    }

    private static byte[] read(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ServiceSecret.<ServiceSecret>findByIdOptional(name)
                .map(s -> Base64.getUrlDecoder().decode(s.secret)).orElse(null));
    }
}
