package dev.cards.client;

import java.lang.reflect.Method;
import java.util.concurrent.Callable;

import io.smallrye.mutiny.Uni;

/**
 * Sends a call once more, with a fresh proof, when the server answers {@code use_dpop_nonce}
 * (RFC 9449 §8, §9): the nonce it sent is stored by then ({@link DPoPNonces}), and the filter signs
 * the new proof with it. Once only: a second such answer goes to the caller as its typed exception.
 * A nonce retry is not a refresh: it sits under {@link RefreshPolicy}'s refresh-and-retry (each send
 * of it may have its own nonce round) and on the token client, so a refresh's nonce round happens
 * inside the refresh.
 */
final class NonceRetry implements CallPolicy {

    static final NonceRetry INSTANCE = new NonceRetry();

    private NonceRetry() {
    }

    @Override
    public Object invoke(Method method, Callable<Object> call) throws Exception {
        return Uni.class.isAssignableFrom(method.getReturnType()) ? sendAsync(call) : send(call);
    }

    /** The call, sent once more after a nonce challenge; failures as the client's own exceptions. */
    static Object send(Callable<Object> call) {
        try {
            return call.call();
        } catch (Exception e) {
            RuntimeException failure = Failures.translate(e);
            if (!(failure instanceof UseDPoPNonceException)) {
                throw failure;
            }
        }
        try {
            return call.call();
        } catch (Exception e) {
            RuntimeException failure = Failures.translate(e);
            throw failure instanceof UseDPoPNonceException again ? again.typed() : failure;
        }
    }

    /** The same for a {@code Uni} operation: a new {@code Uni} of the call (a new request) for the retry. */
    static Uni<Object> sendAsync(Callable<Object> call) {
        return once(call).onFailure(UseDPoPNonceException.class::isInstance).recoverWithUni(challenge -> once(call)
                .onFailure(UseDPoPNonceException.class::isInstance)
                .transform(again -> ((UseDPoPNonceException) again).typed()));
    }

    @SuppressWarnings("unchecked")
    private static Uni<Object> once(Callable<Object> call) {
        try {
            return ((Uni<Object>) call.call()).onFailure().transform(Failures::translate);
        } catch (Exception e) {
            return Uni.createFrom().failure(Failures.translate(e));
        }
    }
}
