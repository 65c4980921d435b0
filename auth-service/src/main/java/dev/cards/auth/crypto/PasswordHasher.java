package dev.cards.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;

import org.jboss.logging.Logger;

import dev.cards.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Argon2id password hashing (OWASP Password Storage Cheat Sheet: at least m=19 MiB, t=2, p=1).
 * Hashes are stored in the PHC string format ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}) so
 * that the parameters travel with each hash and can be raised later ({@link #needsRehash}).
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Logger LOG = Logger.getLogger(PasswordHasher.class);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final Argon2Params params;
    private final Argon2Function argon2;
    private final String dummyHash;
    /**
     * At most one hash per core at a time: more only adds 19 MiB buffers and GC pressure, not
     * throughput, and a login flood then queues instead of exhausting memory (OWASP Password
     * Storage Cheat Sheet: memory-hard hashing is itself a denial-of-service lever).
     */
    private final Semaphore slots;

    public PasswordHasher(AuthConfig config) {
        AuthConfig.Password p = config.password();
        this.params = new Argon2Params(p.memoryKib(), p.iterations(), p.parallelism());
        this.slots = new Semaphore(p.maxConcurrentHashes().orElse(Runtime.getRuntime().availableProcessors()), true);
        this.argon2 = implementation(p.implementation());
        LOG.infof("Hashing passwords with Argon2id m=%d KiB t=%d p=%d, %s", params.memoryKib(), params.iterations(),
                params.parallelism(), argon2.name());
        // Verified against when the email is unknown, so both failures cost one hash (OWASP
        // Authentication Cheat Sheet: respond the same way, in the same time).
        this.dummyHash = hash("not a password of anyone");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, params, HASH_BYTES);
        return "$argon2id$v=19$m=" + params.memoryKib() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True only when {@code encoded} is a well-formed Argon2id hash of {@code password}. */
    public boolean verify(String password, String encoded) {
        EncodedHash parsed = EncodedHash.parse(encoded);
        if (parsed == null) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt(), parsed.params(), parsed.hash().length);
        return MessageDigest.isEqual(actual, parsed.hash());
    }

    /** Spends the same work as a real check, for an email that has no account. */
    public void verifyAgainstDummy(String password) {
        verify(password, dummyHash);
    }

    /** True when the stored hash was made with weaker parameters than the configured ones. */
    public boolean needsRehash(String encoded) {
        EncodedHash parsed = EncodedHash.parse(encoded);
        return parsed == null || parsed.params().weakerThan(params);
    }

    public Argon2Params params() {
        return params;
    }

    private byte[] derive(String password, byte[] salt, Argon2Params p, int length) {
        slots.acquireUninterruptibly();
        try {
            return argon2(password, salt, p, length);
        } finally {
            slots.release();
        }
    }

    private byte[] argon2(String password, byte[] salt, Argon2Params p, int length) {
        return argon2.argon2id(password.getBytes(StandardCharsets.UTF_8), salt, p, length);
    }

    /**
     * native, java, or auto: libargon2 where it loads (on the JVM and in a native executable alike, JNA
     * being initialised at run time there), else Java (a platform argon2-jvm bundles no library for).
     */
    static Argon2Function implementation(String choice) {
        switch (choice) {
            case "java":
                return new JavaArgon2();
            case "native":
                return new NativeArgon2();
            case "auto":
                try {
                    return new NativeArgon2();
                } catch (LinkageError | RuntimeException e) {
                    LOG.infof("libargon2 cannot load here (%s); hashing with Bouncy Castle", e.toString());
                    return new JavaArgon2();
                }
            default:
                throw new IllegalArgumentException("auth.password.implementation must be auto, native or java, not " + choice);
        }
    }

    /** Argon2id cost parameters. */
    public record Argon2Params(int memoryKib, int iterations, int parallelism) {
        boolean weakerThan(Argon2Params other) {
            return memoryKib < other.memoryKib || iterations < other.iterations || parallelism != other.parallelism;
        }
    }

    private record EncodedHash(Argon2Params params, byte[] salt, byte[] hash) {

        /** Parses a PHC string; null when it is not an Argon2id v19 hash we can check. */
        static EncodedHash parse(String encoded) {
            if (encoded == null) {
                return null;
            }
            String[] parts = encoded.split("\\$");
            if (parts.length != 6 || !parts[0].isEmpty() || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
                return null;
            }
            try {
                int m = 0;
                int t = 0;
                int p = 0;
                for (String kv : parts[3].split(",")) {
                    String[] pair = kv.split("=", 2);
                    int value = Integer.parseInt(pair[1]);
                    switch (pair[0]) {
                        case "m" -> m = value;
                        case "t" -> t = value;
                        case "p" -> p = value;
                        default -> {
                            return null;
                        }
                    }
                }
                if (m < 8 || t < 1 || p < 1) {
                    return null;
                }
                return new EncodedHash(new Argon2Params(m, t, p), B64D.decode(parts[4]), B64D.decode(parts[5]));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
