package dev.cards.client.rest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.cards.client.error.AccessTokenRejectedException;
import dev.cards.client.session.SessionRefresher;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * Runs a call of a generated client with the refresh policy: refresh proactively inside the skew,
 * and on a 401 refresh (single flight, keyed by the rejected token) and send the call again exactly
 * once. The retry is a new request, so the bearer filter runs again and picks up the new token; a
 * second 401 goes to the caller, so nothing can loop.
 *
 * <pre>{@code
 * CardPage page = calls.call(() -> cardsApi.listCards(0, 20));              // blocking
 * Uni<CardPage> later = calls.callAsync(() -> cardsAsyncApi.listCards(0, 20)); // non-blocking
 * }</pre>
 */
public class AuthorizedCalls {

    private final SessionRefresher refresher;
    private final Duration refreshTimeout;
    private final AtomicLong retries = new AtomicLong();

    public AuthorizedCalls(SessionRefresher refresher, Duration refreshTimeout) {
        this.refresher = refresher;
        this.refreshTimeout = refreshTimeout;
    }

    /** Blocking; never call it on an event-loop thread (use {@link #callAsync}). */
    public <T> T call(Supplier<T> operation) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("blocking call on an event-loop thread: use callAsync");
        }
        refresher.ensureFresh();
        try {
            return invoke(operation);
        } catch (AccessTokenRejectedException rejected) {
            refresher.refresh(rejected.rejectedAccessToken() != null ? rejected.rejectedAccessToken() : "");
            retries.incrementAndGet();
            return invoke(operation);
        }
    }

    /** Calls sent a second time after a 401 and a refresh. */
    public long retries() {
        return retries.get();
    }

    /** Blocking call of an operation without a result. */
    public void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }

    /**
     * Non-blocking: the refresh itself (file lock and HTTP) runs on a worker thread, never on the
     * caller's event loop.
     */
    public <T> Uni<T> callAsync(Supplier<Uni<T>> operation) {
        return Uni.createFrom().completionStage(refresher::ensureFreshAsync)
                .ifNoItem().after(refreshTimeout).fail()
                .chain(session -> Uni.createFrom().<T>deferred(() -> operation.get()))
                .onFailure().transform(Failures::translate)
                .onFailure(AccessTokenRejectedException.class).recoverWithUni(failure -> {
                    String rejected = ((AccessTokenRejectedException) failure).rejectedAccessToken();
                    return Uni.createFrom().completionStage(() -> refresher.refreshAsync(rejected != null ? rejected : ""))
                            .ifNoItem().after(refreshTimeout).fail()
                            .invoke(retries::incrementAndGet)
                            .chain(session -> Uni.createFrom().<T>deferred(() -> operation.get()))
                            .onFailure().transform(Failures::translate);
                });
    }

    private static <T> T invoke(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }
}
