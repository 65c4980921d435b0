package dev.cards.client;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import dev.cards.client.auth.api.AuthApi;
import dev.cards.client.auth.api.AuthUniApi;
import dev.cards.client.cards.api.CardsApi;
import dev.cards.client.cards.api.CardsUniApi;
import io.quarkus.runtime.annotations.RegisterForProxy;

/**
 * Where the {@link RefreshPolicy} is applied, the one place: every generated client
 * {@link CardsClients} hands out, injected or not, is this proxy around the REST client. The token
 * client (login, refresh, logout) is this proxy too, with the {@link NonceRetry} alone. The four
 * generated interfaces are registered for proxies in native images.
 */
@RegisterForProxy(targets = { AuthApi.class, AuthUniApi.class, CardsApi.class, CardsUniApi.class })
final class RefreshingProxy implements InvocationHandler {

    private final Object target;
    private final CallPolicy policy;

    private RefreshingProxy(Object target, CallPolicy policy) {
        this.target = target;
        this.policy = policy;
    }

    static <T> T wrap(Class<T> api, T target, CallPolicy policy) {
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
