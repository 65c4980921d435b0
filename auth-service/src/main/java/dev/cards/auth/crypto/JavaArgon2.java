package dev.cards.auth.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import dev.cards.auth.crypto.PasswordHasher.Argon2Params;

/** Bouncy Castle's Argon2id, in Java: runs everywhere, including a native image. */
final class JavaArgon2 implements Argon2Function {

    @Override
    public byte[] argon2id(byte[] password, byte[] salt, Argon2Params p, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKib())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    @Override
    public String name() {
        return "Bouncy Castle (Java)";
    }
}
