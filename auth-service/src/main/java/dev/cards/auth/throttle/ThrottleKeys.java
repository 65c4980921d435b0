package dev.cards.auth.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Throttle keys: SHA-256 of what they count, so the table stores no email or address in the clear. */
final class ThrottleKeys {

    private ThrottleKeys() {
    }

    static String loginFromAddress(String address) {
        return hash("login-address", address);
    }

    static String loginOfAccountFromAddress(String email, String address) {
        return hash("login-account-address", email, address);
    }

    static String loginFromNetwork(String network) {
        return hash("login-network", network);
    }

    static String loginOfAccount(String email) {
        return hash("login-account", email);
    }

    static String knownAddressOfAccount(String email, String address) {
        return hash("login-known-address", email, address);
    }

    static String successfulLoginOfAccount(String email) {
        return hash("login-success-account", email);
    }

    static String signupFromAddress(String address) {
        return hash("signup-address", address);
    }

    private static String hash(String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0); // no part contains NUL (rejected at the API), so joins are unambiguous
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
