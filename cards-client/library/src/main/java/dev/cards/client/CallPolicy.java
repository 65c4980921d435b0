package dev.cards.client;

import java.lang.reflect.Method;
import java.util.concurrent.Callable;

/** What {@link RefreshingProxy} applies to each call of a generated operation. */
@FunctionalInterface
interface CallPolicy {

    /** Runs {@code call} (the REST client's own invocation of {@code method}) under the policy. */
    Object invoke(Method method, Callable<Object> call) throws Exception;
}
