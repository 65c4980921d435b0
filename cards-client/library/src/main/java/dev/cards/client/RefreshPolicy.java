package dev.cards.client;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import dev.cards.client.error.AccessTokenRejectedException;
import dev.cards.client.error.AuthServiceUnavailableException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What every call of a generated operation that takes the access token goes through (by
 * {@link RefreshingProxy}, around every client {@link CardsClients} hands out): wait for a refresh only when
 * the token has expired; on a 401 whose challenge says {@code invalid_token} (RFC 6750 §3.1) refresh,
 * single flight, and send the same call once more, which the bearer filter sends with the new token.
 * Any other 401, and a second one, go to the caller: nothing loops. Each send may have its own
 * DPoP nonce round ({@link NonceRetry}), which is not a refresh. A call never waits for refreshes
 * longer than its deadline in all, and never sends the retry after it.
 *
 * <p>A {@code Uni} operation sends nothing until subscribed; after a refresh (which runs on a worker)
 * it goes on, and emits, on the subscriber's Vert.x context. A blocking operation on an event-loop
 * thread is refused before anything is sent.
 */
final class RefreshPolicy implements CallPolicy {

    private final SessionRefresher refresher;
    private final Duration deadline;
    private final AtomicLong retries = new AtomicLong();

    RefreshPolicy(SessionRefresher refresher, Duration deadline) {
        this.refresher = refresher;
        this.deadline = deadline;
    }

    SessionRefresher refresher() {
        return refresher;
    }

    /** Calls sent a second time after a 401 and a refresh. */
    long retries() {
        return retries.get();
    }

    @Override
    public Object invoke(Method method, Callable<Object> call) throws Exception {
        if (!BearerOperations.requiresBearer(method)) {
            return NonceRetry.INSTANCE.invoke(method, call);
        }
        if (Uni.class.isAssignableFrom(method.getReturnType())) {
            return invokeAsync(call);
        }
        return invokeBlocking(call);
    }

    private Object invokeBlocking(Callable<Object> call) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("blocking call on an event-loop thread: inject the Uni interface "
                    + "(CardsUniApi, AuthUniApi) instead");
        }
        long end = System.nanoTime() + deadline.toNanos();
        refresher.sessionForCall(remaining(end));
        try {
            return send(call);
        } catch (AccessTokenRejectedException rejected) {
            if (!refreshMayHelp(rejected)) {
                throw rejected;
            }
            refresher.refresh(rejected.rejectedAccessToken(), remainingOrFail(end));
            remainingOrFail(end);
            retries.incrementAndGet();
            return send(call);
        }
    }

    private Uni<Object> invokeAsync(Callable<Object> call) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            long end = System.nanoTime() + deadline.toNanos();
            return backOn(caller, await(refresher.sessionForCallAsync(), caller, end)
                    .chain(session -> sendAsync(call))
                    .onFailure(failure -> failure instanceof AccessTokenRejectedException rejected && refreshMayHelp(rejected))
                    .recoverWithUni(failure -> {
                        String rejected = ((AccessTokenRejectedException) failure).rejectedAccessToken();
                        return await(refresher.refreshAsync(rejected), caller, end)
                                .invoke(retries::incrementAndGet)
                                .chain(session -> sendAsync(call));
                    }));
        });
    }

    /** The session, at once when it is ready; else after the refresh, back on the caller's context. */
    private static Uni<Session> await(CompletionStage<Session> stage, Context caller, long end) {
        CompletableFuture<Session> future = stage.toCompletableFuture();
        if (future.isDone() && !future.isCompletedExceptionally()) {
            return Uni.createFrom().item(future.join());
        }
        Uni<Session> ready = Uni.createFrom().completionStage(future)
                .onFailure().transform(SessionRefresher::unwrap)
                .ifNoItem().after(remaining(end))
                .failWith(() -> new AuthServiceUnavailableException("no refresh within the call's deadline", null));
        return caller == null ? ready : ready.emitOn(onContext(caller));
    }

    /** The outcome on the subscriber's own context: at once when it is there already, else one hop. */
    private static <T> Uni<T> backOn(Context caller, Uni<T> outcome) {
        if (caller == null) {
            return outcome;
        }
        return outcome.onItemOrFailure().transformToUni((item, failure) -> {
            if (Vertx.currentContext() == caller) {
                return failure == null ? Uni.createFrom().item(item) : Uni.createFrom().failure(failure);
            }
            return Uni.createFrom().emitter(emitter -> caller.runOnContext(ignored -> {
                if (failure == null) {
                    emitter.complete(item);
                } else {
                    emitter.fail(failure);
                }
            }));
        });
    }

    private static Executor onContext(Context context) {
        return task -> context.runOnContext(ignored -> task.run());
    }

    /** One send, with its own nonce round (RFC 9449 §8, §9) if the server asks for one. */
    private static Uni<Object> sendAsync(Callable<Object> call) {
        return NonceRetry.sendAsync(call);
    }

    private static Object send(Callable<Object> call) {
        return NonceRetry.send(call);
    }

    private static boolean refreshMayHelp(AccessTokenRejectedException rejected) {
        return rejected.invalidToken() && rejected.rejectedAccessToken() != null;
    }

    private static Duration remaining(long end) {
        return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    }

    private static Duration remainingOrFail(long end) {
        Duration left = remaining(end);
        if (left.isZero()) {
            throw new AuthServiceUnavailableException("the call's deadline passed while refreshing", null);
        }
        return left;
    }
}
