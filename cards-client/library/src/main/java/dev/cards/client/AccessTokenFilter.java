package dev.cards.client;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.function.Supplier;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.client.impl.RestClientRequestContext;

import dev.cards.client.error.OtherIssuerSessionException;

/**
 * Attaches the session's credentials to each request, read from memory (never blocking: filters may
 * run on an event loop). On the operations that take an access token: {@code Authorization: Bearer}
 * (RFC 6750 §2.1), or {@code Authorization: DPoP} and a {@code DPoP} proof with {@code ath} for a
 * DPoP-bound session (RFC 9449 §7.1); with no session the request stops here, unsent. On the token
 * operations (login, refresh, logout): a proof without {@code ath} when there is a key to prove,
 * the new session's key for a login (§5), the session's own for the others. Sign-up gets none: it
 * issues no token, so there is nothing to bind.
 *
 * <p>Runs after Stork's filter (priority {@link Priorities#AUTHENTICATION}), so {@code htu} names the
 * replica actually called; every proof carries the latest nonce of the client's server ({@link DPoPNonces}).
 */
final class AccessTokenFilter implements ClientRequestFilter {

    static final int PRIORITY = Priorities.AUTHENTICATION + 10;
    static final String DPOP_HEADER = "DPoP";

    private final SessionRefresher refresher;
    private final DPoPNonces nonces;
    /** The client's base URL: the server whose nonce goes into the proofs (a Stork service, not the replica). */
    private final URI server;
    /** The key a login in progress binds its session to; null for a Bearer login or a client that does not log in. */
    private final Supplier<DPoPKey> loginKey;

    AccessTokenFilter(SessionRefresher refresher, DPoPNonces nonces, URI server, Supplier<DPoPKey> loginKey) {
        this.refresher = refresher;
        this.nonces = nonces;
        this.server = server;
        this.loginKey = loginKey;
    }

    @Override
    public void filter(ClientRequestContext request) {
        Method method = (Method) request.getProperty(RestClientRequestContext.INVOKED_METHOD_PROP);
        if (method == null) {
            return;
        }
        if (BearerOperations.requiresBearer(method)) {
            Session session = refresher.current();
            if (session.dpopBound()) {
                request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, Session.DPOP + " " + session.accessToken());
                prove(request, session.dpopKey(), session.accessToken());
            } else {
                request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, Session.BEARER + " " + session.accessToken());
            }
            return;
        }
        prove(request, keyForTokenOperation(method.getName()), null);
    }

    private DPoPKey keyForTokenOperation(String operation) {
        switch (operation) {
            case "signup":
                return null;
            case "login":
                return loginKey.get();
            default:
                try {
                    return refresher.session().map(Session::dpopKey).orElse(null);
                } catch (OtherIssuerSessionException notOurs) {
                    return null; // its tokens are not sent here either
                }
        }
    }

    private void prove(ClientRequestContext request, DPoPKey key, String accessToken) {
        if (key != null) {
            request.getHeaders().putSingle(DPOP_HEADER,
                    key.proof(request.getMethod(), request.getUri(), accessToken, nonces.nonceFor(server)));
        }
    }
}
