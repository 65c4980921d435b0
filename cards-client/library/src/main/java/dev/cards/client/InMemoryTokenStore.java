package dev.cards.client;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** The default store: one session in memory, lost when the process ends. */
public class InMemoryTokenStore implements TokenStore {

    private final AtomicReference<Session> session = new AtomicReference<>();
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public Optional<Session> load() {
        return Optional.ofNullable(session.get());
    }

    @Override
    public boolean loadBlocks() {
        return false;
    }

    @Override
    public void save(Session newSession) {
        session.set(newSession);
    }

    @Override
    public void clear() {
        session.set(null);
    }

    @Override
    public <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
