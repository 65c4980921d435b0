package dev.cards.auth.crypto;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import dev.cards.auth.crypto.PasswordHasher.Argon2Params;

/**
 * libargon2, the reference C implementation, through argon2-jvm (JNA). Its speed does not depend
 * on how the JIT compiled a Java block function, and its memory is allocated outside the Java heap.
 */
final class NativeArgon2 implements Argon2Function {

    private final Argon2Advanced argon2;

    /** Throws a {@link LinkageError} or a runtime exception where the library cannot load. */
    NativeArgon2() {
        this.argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
    }

    @Override
    public byte[] argon2id(byte[] password, byte[] salt, Argon2Params p, int length) {
        return argon2.rawHashAdvanced(p.iterations(), p.memoryKib(), p.parallelism(), password, salt, null, null, length,
                Argon2Version.V13);
    }

    @Override
    public String name() {
        return "libargon2 (native)";
    }
}
