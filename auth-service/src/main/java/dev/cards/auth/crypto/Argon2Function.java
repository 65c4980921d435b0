package dev.cards.auth.crypto;

import dev.cards.auth.crypto.PasswordHasher.Argon2Params;

/** Raw Argon2id, version 0x13 (RFC 9106): the same bytes from every implementation. */
interface Argon2Function {

    byte[] argon2id(byte[] password, byte[] salt, Argon2Params params, int length);

    /** A name for the logs. */
    String name();
}
