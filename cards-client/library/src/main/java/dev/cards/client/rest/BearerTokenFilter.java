package dev.cards.client.rest;

import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.client.impl.RestClientRequestContext;

import dev.cards.client.session.SessionRefresher;

/**
 * Attaches {@code Authorization: Bearer <access token>} (RFC 6750 §2.1) to the operations that take
 * one, read from memory (never blocking: filters may run on an event loop). A client built by
 * {@link CardsClients} names its session through the {@link #REFRESHER} property; an injected one uses
 * the application's {@link CardsClients} bean. With no session the request stops here, unsent.
 */
@Singleton
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ClientRequestFilter {

    /** Client property holding the {@link SessionRefresher} whose token to send. */
    static final String REFRESHER = SessionRefresher.class.getName();

    private final Instance<CardsClients> applicationClients;
    private volatile SessionRefresher applicationRefresher;

    @Inject
    public BearerTokenFilter(Instance<CardsClients> applicationClients) {
        this.applicationClients = applicationClients;
    }

    private SessionRefresher applicationRefresher() {
        SessionRefresher refresher = applicationRefresher;
        if (refresher == null) {
            refresher = applicationClients.get().refresher();
            applicationRefresher = refresher;
        }
        return refresher;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (!BearerOperations.requiresBearer((Method) request.getProperty(RestClientRequestContext.INVOKED_METHOD_PROP))) {
            return;
        }
        Object own = request.getConfiguration().getProperty(REFRESHER);
        SessionRefresher refresher = own instanceof SessionRefresher r ? r : applicationRefresher();
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + refresher.current().accessToken());
    }
}
