package dev.cards.client.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Applies the {@link RefreshPolicy} of the application's {@link CardsClients} to the injected
 * generated clients. Inside fault tolerance (priority 4010), so an application's own {@code @Retry}
 * wraps whole refreshed calls and never re-sends a token known to be stale.
 */
@RefreshingCalls
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class RefreshingCallsInterceptor {

    private final CardsClients clients;

    @Inject
    public RefreshingCallsInterceptor(CardsClients clients) {
        this.clients = clients;
    }

    @AroundInvoke
    Object refreshing(InvocationContext context) throws Exception {
        return clients.policy().invoke(context.getMethod(), context::proceed);
    }
}
