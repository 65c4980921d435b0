package dev.cards.client.session;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dev.cards.client.error.AuthServiceUnavailableException;
import dev.cards.client.error.NotSignedInException;
import dev.cards.client.error.SessionExpiredException;

/**
 * Keeps the session's access token usable, refreshing it at most once per stale token.
 *
 * <p>Single flight: every caller that needs a new token because token T is stale (rejected with 401,
 * or inside the skew) joins the one refresh keyed by T. A caller whose stale token is no longer the
 * stored one just gets the stored session: someone refreshed already. Inside the flight the store's
 * lock is taken and the store re-read, so callers in other processes sharing a file store also end up
 * with one refresh between them (with rotation on, a second refresh of the same token would be reuse
 * and revoke the session, RFC 9700 §4.14.2).
 *
 * <p>Outcomes: {@code invalid_grant} clears the store, tells the listeners once and fails every waiter
 * with {@link SessionExpiredException}; a transient failure keeps the session and fails every waiter
 * with {@link AuthServiceUnavailableException}. Waiters never hang: the flight always completes and
 * each wait is bounded by the refresh timeout.
 */
public class SessionRefresher {

    private final TokenStore store;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Duration configuredSkew;
    private final boolean proactive;
    private final Duration timeout;
    private final Executor executor;
    private final Map<String, CompletableFuture<Session>> flights = new ConcurrentHashMap<>();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong refreshRequests = new AtomicLong();

    /**
     * @param configuredSkew fixed proactive-refresh skew, or null for min(30 s, lifetime / 3)
     * @param proactive whether to refresh before sending when the token expires within the skew
     * @param timeout how long a caller waits for a refresh before giving up (the session is kept)
     * @param executor runs the blocking refresh (file lock + HTTP), never an event-loop thread
     */
    public SessionRefresher(TokenStore store, TokenEndpoint endpoint, Clock clock, Duration configuredSkew,
            boolean proactive, Duration timeout, Executor executor) {
        this.store = store;
        this.endpoint = endpoint;
        this.clock = clock;
        this.configuredSkew = configuredSkew;
        this.proactive = proactive;
        this.timeout = timeout;
        this.executor = executor;
    }

    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    public TokenStore store() {
        return store;
    }

    /** Refresh requests this refresher has sent to the auth-service. */
    public long refreshRequests() {
        return refreshRequests.get();
    }

    /** The stored session. */
    public Session current() {
        return store.load().orElseThrow(NotSignedInException::new);
    }

    /** Stores the session a login returned (replacing any previous one). */
    public void start(Session session) {
        store.locked(() -> {
            store.save(session);
            return null;
        });
    }

    /**
     * The session to send a request with: the stored one, refreshed first when proactive refresh is
     * on and its access token expires within the skew. When that refresh fails for a transient reason
     * but the token has not actually expired yet, the current token is still used.
     */
    public CompletionStage<Session> ensureFreshAsync() {
        Session session;
        try {
            session = current();
        } catch (NotSignedInException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!proactive || !session.expiresWithin(session.skew(configuredSkew), clock.instant())) {
            return CompletableFuture.completedFuture(session);
        }
        return refreshAsync(session.accessToken()).exceptionallyCompose(failure -> {
            Throwable cause = unwrap(failure);
            if (cause instanceof AuthServiceUnavailableException && !session.isAccessExpired(clock.instant())) {
                return CompletableFuture.completedFuture(session);
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** Blocking form of {@link #ensureFreshAsync()}; do not call on an event-loop thread. */
    public Session ensureFresh() {
        return await(ensureFreshAsync());
    }

    /**
     * A session whose access token is not {@code staleAccessToken}: the current one if it was
     * already replaced, else the result of the one shared refresh of that token.
     */
    public CompletionStage<Session> refreshAsync(String staleAccessToken) {
        Session session = store.load().orElse(null);
        if (session == null) {
            // The caller had a token a moment ago: its session ended (expired or logged out) since.
            return CompletableFuture.failedFuture(new SessionExpiredException());
        }
        if (!session.accessToken().equals(staleAccessToken)) {
            return CompletableFuture.completedFuture(session); // a late 401: already replaced
        }
        CompletableFuture<Session> flight = new CompletableFuture<>();
        CompletableFuture<Session> existing = flights.putIfAbsent(staleAccessToken, flight);
        if (existing != null) {
            return existing.copy();
        }
        try {
            executor.execute(() -> fly(staleAccessToken, flight));
        } catch (RuntimeException rejected) {
            flights.remove(staleAccessToken, flight);
            flight.completeExceptionally(new AuthServiceUnavailableException("cannot start the refresh", rejected));
        }
        return flight.copy();
    }

    /** Blocking form of {@link #refreshAsync(String)}; do not call on an event-loop thread. */
    public Session refresh(String staleAccessToken) {
        return await(refreshAsync(staleAccessToken));
    }

    private void fly(String staleAccessToken, CompletableFuture<Session> flight) {
        Session refreshed = null;
        Throwable failure = null;
        try {
            refreshed = store.locked(() -> refreshUnderLock(staleAccessToken));
        } catch (RefreshRejectedException e) {
            // Listeners first, so that by the time any caller sees the exception the event is out.
            for (SessionListener listener : listeners) {
                try {
                    listener.sessionExpired();
                } catch (RuntimeException ignored) {
                    // a failing listener must not keep the waiters from being released
                }
            }
            failure = new SessionExpiredException();
        } catch (Throwable e) {
            failure = e;
        }
        // Leave the map before completing: a caller arriving after a failure must start a new
        // flight rather than join the failed one (the store already tells late callers the outcome).
        flights.remove(staleAccessToken, flight);
        if (failure == null) {
            flight.complete(refreshed);
        } else {
            flight.completeExceptionally(failure);
        }
    }

    private Session refreshUnderLock(String staleAccessToken) {
        // Re-read under the lock: another thread or process may have refreshed meanwhile.
        Session session = store.load().orElseThrow(SessionExpiredException::new);
        if (!session.accessToken().equals(staleAccessToken)) {
            return session;
        }
        refreshRequests.incrementAndGet();
        TokenResponse response;
        try {
            response = endpoint.refresh(session.refreshToken());
        } catch (RefreshRejectedException e) {
            store.clear();
            throw e;
        }
        Session refreshed = Session.from(response, clock.instant(), session.refreshToken());
        store.save(refreshed);
        for (SessionListener listener : listeners) {
            try {
                listener.sessionRefreshed(refreshed);
            } catch (RuntimeException ignored) {
                // the refresh succeeded and is stored; a failing listener must not turn it into a failure
            }
        }
        return refreshed;
    }

    private Session await(CompletionStage<Session> stage) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (TimeoutException e) {
            throw new AuthServiceUnavailableException("the refresh took longer than " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthServiceUnavailableException("interrupted while waiting for the refresh", e);
        }
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static RuntimeException rethrow(Throwable t) {
        Throwable cause = unwrap(t);
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new AuthServiceUnavailableException("refresh failed", cause);
    }
}
