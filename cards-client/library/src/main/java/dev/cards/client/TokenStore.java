package dev.cards.client;

import java.util.Optional;
import java.util.function.Supplier;

/** Where the session lives between calls (memory by default; a file for the CLI). */
public interface TokenStore {

    Optional<Session> load();

    /**
     * Whether {@link #load()} may block (a file, a database): then the client reads it once and under
     * its lock, and serves calls from a copy in memory. Only a store that is memory itself says false.
     */
    default boolean loadBlocks() {
        return true;
    }

    /** Replaces the whole session at once (both tokens together, and the issuer they belong to). */
    void save(Session session);

    void clear();

    /**
     * Runs {@code action} holding the store's refresh lock, so that everyone sharing this store
     * (threads, and for a file store other processes) refreshes one at a time and can see, after
     * taking the lock, that someone else already did.
     */
    <T> T locked(Supplier<T> action);
}
