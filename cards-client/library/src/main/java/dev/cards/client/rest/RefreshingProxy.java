package dev.cards.client.rest;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import io.quarkus.runtime.annotations.RegisterForProxy;

/**
 * The programmatic twin of {@link RefreshingCallsInterceptor}: a generated client built by
 * {@link CardsClients} is not a CDI bean, so interceptors do not apply; this proxy applies the same
 * {@link RefreshPolicy}. The four generated interfaces are registered for proxies in native images.
 */
@RegisterForProxy(targets = { dev.cards.client.api.auth.api.AuthApi.class, dev.cards.client.api.auth.mutiny.api.AuthApi.class,
        dev.cards.client.api.cards.api.CardsApi.class, dev.cards.client.api.cards.mutiny.api.CardsApi.class })
final class RefreshingProxy implements InvocationHandler {

    private final Object target;
    private final RefreshPolicy policy;

    private RefreshingProxy(Object target, RefreshPolicy policy) {
        this.target = target;
        this.policy = policy;
    }

    static <T> T wrap(Class<T> api, T target, RefreshPolicy policy) {
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] { api }, new RefreshingProxy(target, policy)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "RefreshingProxy[" + method.getDeclaringClass().getSimpleName() + "]";
            };
        }
        return policy.invoke(method, () -> {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) cause;
            }
        });
    }
}
