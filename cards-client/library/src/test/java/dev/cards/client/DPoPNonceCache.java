package dev.cards.client;

/** For the end-to-end tests in other packages: start from a JVM that has been given no nonce yet. */
public final class DPoPNonceCache {

    private DPoPNonceCache() {
    }

    public static void forgetAll() {
        DPoPNonces.SHARED.clear();
    }
}
