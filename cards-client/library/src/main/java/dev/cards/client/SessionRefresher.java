package dev.cards.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import dev.cards.client.error.AuthServiceUnavailableException;
import dev.cards.client.error.NotSignedInException;
import dev.cards.client.error.OtherIssuerSessionException;
import dev.cards.client.error.SessionExpiredException;

/**
 * Keeps the session's access token usable, refreshing it at most once per stale token.
 *
 * <p>A call reads its token without blocking: from the store when the store is memory itself, else
 * from a copy held here (a file store is read once, then re-read under its lock whenever a refresh is
 * due: another process sharing the file may have refreshed already).
 *
 * <p>Single flight: every caller that needs a new token because token T is stale (rejected with 401,
 * expired, or inside the skew) joins the one refresh of T. A flight is run by whichever gets to it
 * first, a blocking caller on its own thread or a worker of the executor, so blocking callers never
 * wait for a task queued behind themselves on a saturated pool. Inside the flight the store's lock is
 * taken and the store re-read, so processes sharing a file store also refresh once between them (with
 * rotation on, a second refresh of the same token would be reuse, RFC 9700 §4.14.2).
 *
 * <p>Outcomes: {@code invalid_grant} clears the store, tells the listeners once and fails every waiter
 * with {@link SessionExpiredException}; a transient failure keeps the session and fails every waiter
 * with {@link AuthServiceUnavailableException}. A refresh whose outcome is unknown (timeout, reset,
 * 5xx) is sent once more with the same token: the auth-service's reuse grace answers it with the
 * successor it already issued, so a lost response does not end the session. Listeners run outside the
 * store's lock, so they may call back into the client (log out, log in).
 *
 * <p>Issuer binding: a session is used only with the auth-service it was obtained from (its
 * {@link Issuer}); a stored session of another one fails with {@link OtherIssuerSessionException}
 * before any of its tokens is sent (RFC 9700 §4.4: a client keeps per grant the authorization server
 * it belongs to, so that a changed or injected URL cannot collect it).
 */
class SessionRefresher {

    private static final Logger LOG = Logger.getLogger(SessionRefresher.class);
    private static final Duration BACKGROUND_BACKOFF = Duration.ofSeconds(1);

    private final TokenStore store;
    private final RefreshEndpoint endpoint;
    private final Issuer issuer;
    private final Clock clock;
    private final Duration configuredSkew;
    private final boolean proactive;
    private final Duration timeout;
    private final Executor executor;
    private final Map<String, Flight> flights = new ConcurrentHashMap<>();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong refreshRequests = new AtomicLong();
    /** After a failed refresh, no background refresh starts before this (System.nanoTime()). */
    private volatile long backgroundNotBefore = System.nanoTime();
    /** The session calls use; null when signed out. Written under the store's lock. */
    private volatile Session session;

    /**
     * @param issuer the auth-service {@code endpoint} calls: sessions of another one are not used
     * @param configuredSkew fixed proactive-refresh skew, or null for min(30 s, lifetime / 3)
     * @param proactive whether to refresh ahead of expiry (in the background, inside the skew)
     * @param timeout the longest a caller waits for a refresh when it gives no deadline of its own
     * @param executor runs refreshes nobody waits for on their own thread; never an event-loop thread
     */
    public SessionRefresher(TokenStore store, RefreshEndpoint endpoint, Issuer issuer, Clock clock, Duration configuredSkew,
            boolean proactive, Duration timeout, Executor executor) {
        this.store = store;
        this.endpoint = endpoint;
        this.issuer = issuer;
        this.clock = clock;
        this.configuredSkew = configuredSkew;
        this.proactive = proactive;
        this.timeout = timeout;
        this.executor = executor;
        this.session = store.load().orElse(null);
    }

    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    public TokenStore store() {
        return store;
    }

    /** The auth-service this refresher sends refresh tokens to, and the only one whose sessions it uses. */
    public Issuer issuer() {
        return issuer;
    }

    /** Refresh requests this refresher has sent to the auth-service (a resent one counts twice). */
    public long refreshRequests() {
        return refreshRequests.get();
    }

    /**
     * The session in memory; never blocks.
     *
     * @throws OtherIssuerSessionException when the stored session belongs to another auth-service
     */
    public Optional<Session> session() {
        return Optional.ofNullable(live()).map(this::bound);
    }

    /** The memory copy, or the store itself where reading it is as cheap (it is memory). */
    private Session live() {
        return store.loadBlocks() ? session : store.load().orElse(null);
    }

    /** The session in memory, or {@link NotSignedInException} ({@link OtherIssuerSessionException} for another auth-service's). */
    public Session current() {
        Session current = live();
        if (current == null) {
            throw new NotSignedInException();
        }
        return bound(current);
    }

    /**
     * The session if it belongs to this refresher's issuer. A session saved without one (by a version
     * that did not record it, whose default auth URL was http://localhost:8081) is adopted only when
     * the issuer is on loopback, where its tokens do not leave the machine; a remote auth-service might
     * not be the one it came from, so there the user logs in again.
     */
    private Session bound(Session candidate) {
        if (issuer.url().equals(candidate.issuer())) {
            return candidate;
        }
        if (candidate.issuer() == null && issuer.isLoopback()) {
            return candidate.withIssuer(issuer);
        }
        throw new OtherIssuerSessionException(candidate.issuer(), issuer.url());
    }

    /** Stores the session a login returned (replacing any previous one). */
    public void start(Session started) {
        store.locked(() -> {
            store.save(started);
            session = started;
            return null;
        });
    }

    /** Forgets the session, here and in the store. */
    public void end() {
        store.locked(() -> {
            store.clear();
            session = null;
            return null;
        });
    }

    /**
     * The session to send a call with, without blocking: the current one, while its token has not
     * expired (inside the skew a refresh starts in the background and the call goes on with the still
     * valid token); only an expired token makes the caller wait for the refresh.
     */
    public CompletionStage<Session> sessionForCallAsync() {
        Session current;
        try {
            current = current();
        } catch (NotSignedInException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!mustWait(current)) {
            return CompletableFuture.completedFuture(current);
        }
        return refreshAsync(current.accessToken());
    }

    /** Blocking form of {@link #sessionForCallAsync()}: waits at most {@code wait} for a refresh. */
    public Session sessionForCall(Duration wait) {
        Session current = current();
        return mustWait(current) ? refresh(current.accessToken(), wait) : current;
    }

    private boolean mustWait(Session current) {
        if (!proactive) {
            return false; // refresh on 401 only
        }
        var now = clock.instant();
        if (!current.expiresWithin(current.skew(configuredSkew), now)) {
            return false;
        }
        if (current.isAccessExpired(now)) {
            return true;
        }
        refreshInBackground(current.accessToken());
        return false;
    }

    /** Starts the refresh of {@code staleAccessToken} if none runs; nobody waits for it. */
    void refreshInBackground(String staleAccessToken) {
        if (System.nanoTime() - backgroundNotBefore < 0) {
            return; // the last refresh failed a moment ago: do not send one per call while the service is down
        }
        Flight flight = flightFor(staleAccessToken);
        if (flight != null && flight.isNew) {
            submit(flight);
        }
    }

    /**
     * A session whose access token is not {@code staleAccessToken}: the current one if it was already
     * replaced, else the result of the one shared refresh of that token (run on the executor).
     */
    public CompletionStage<Session> refreshAsync(String staleAccessToken) {
        Flight flight = flightFor(staleAccessToken);
        if (flight == null) {
            return settled(staleAccessToken);
        }
        if (flight.isNew) {
            submit(flight);
        }
        return flight.result.copy();
    }

    /** Blocking form of {@link #refreshAsync(String)} with the default wait. */
    public Session refresh(String staleAccessToken) {
        return refresh(staleAccessToken, timeout);
    }

    /**
     * Blocking form of {@link #refreshAsync(String)}: runs the flight on this thread unless someone
     * already does, and waits at most {@code wait} for another's. Never call it on an event loop.
     */
    public Session refresh(String staleAccessToken, Duration wait) {
        Flight flight = flightFor(staleAccessToken);
        if (flight == null) {
            return await(settled(staleAccessToken), wait);
        }
        if (flight.claim()) {
            fly(flight);
        }
        return await(flight.result, wait);
    }

    private CompletionStage<Session> settled(String staleAccessToken) {
        Session current = live();
        if (current == null) {
            // The caller had a token a moment ago: its session ended (expired or logged out) since.
            return CompletableFuture.failedFuture(new SessionExpiredException());
        }
        try {
            return CompletableFuture.completedFuture(bound(current)); // a late 401: already replaced
        } catch (OtherIssuerSessionException e) {
            return CompletableFuture.failedFuture(e); // replaced by another process's login elsewhere
        }
    }

    /** The flight of a stale token that is still the current one; null when it is not (any more). */
    private Flight flightFor(String staleAccessToken) {
        Session current = live();
        if (current == null || !current.accessToken().equals(staleAccessToken)) {
            return null;
        }
        Flight created = new Flight(staleAccessToken);
        Flight existing = flights.putIfAbsent(staleAccessToken, created);
        if (existing != null) {
            return existing.joined();
        }
        return created;
    }

    private void submit(Flight flight) {
        try {
            executor.execute(() -> {
                if (flight.claim()) {
                    fly(flight);
                }
            });
        } catch (RuntimeException rejected) {
            if (flight.claim()) {
                leave(flight);
                flight.result.completeExceptionally(new AuthServiceUnavailableException("cannot start the refresh", rejected));
            }
        }
    }

    private void fly(Flight flight) {
        Outcome outcome = null;
        Throwable failure = null;
        boolean expired = false;
        try {
            outcome = store.locked(() -> refreshUnderLock(flight.staleAccessToken));
        } catch (RefreshRejectedException e) {
            expired = true;
            failure = new SessionExpiredException();
        } catch (Throwable e) {
            failure = e;
        }
        // Leave the map before completing: a caller arriving after a failure must start a new
        // flight rather than join the failed one (the session tells late callers the outcome).
        leave(flight);
        // Listeners first and outside the lock, so that by the time any caller sees the outcome the
        // event is out, and a listener may use the store.
        if (expired) {
            listeners.forEach(listener -> tell(listener::sessionExpired));
        } else if (outcome != null && outcome.refreshed()) {
            Session refreshed = outcome.session();
            listeners.forEach(listener -> tell(() -> listener.sessionRefreshed(refreshed)));
        }
        if (failure == null) {
            flight.result.complete(outcome.session());
        } else {
            if (!expired) {
                backgroundNotBefore = System.nanoTime() + BACKGROUND_BACKOFF.toNanos();
                LOG.debugf("refresh failed, session kept: %s", failure.toString());
            }
            flight.result.completeExceptionally(failure);
        }
    }

    private Outcome refreshUnderLock(String staleAccessToken) {
        // Re-read under the lock: another thread or process may have refreshed, or logged out, meanwhile.
        Session loaded = store.load().orElse(null);
        if (loaded == null) {
            session = null;
            throw new SessionExpiredException();
        }
        Session stored = bound(loaded); // never send another auth-service's refresh token to this one
        if (!stored.accessToken().equals(staleAccessToken)) {
            session = stored;
            return new Outcome(stored, false);
        }
        // The proof of this refresh is signed with the memory session's key: make it the stored one.
        session = stored;
        IssuedTokens response;
        try {
            response = exchange(stored.refreshToken());
        } catch (RefreshRejectedException e) {
            store.clear();
            session = null;
            throw e;
        }
        // The refreshed session keeps its key: the refresh token stays bound to it (RFC 9449 §5).
        Session refreshed = Session.from(response, clock.instant(), stored.refreshToken(), issuer, stored.dpopKey());
        store.save(refreshed);
        session = refreshed;
        return new Outcome(refreshed, true);
    }

    /** One refresh request, sent once more when its outcome is unknown. */
    private IssuedTokens exchange(String refreshToken) {
        refreshRequests.incrementAndGet();
        try {
            return endpoint.refresh(refreshToken);
        } catch (AuthServiceUnavailableException unknown) {
            // The service may have rotated the token and lost the answer: the same token again is
            // answered from the reuse grace with the successor already issued.
            refreshRequests.incrementAndGet();
            return endpoint.refresh(refreshToken);
        }
    }

    private void leave(Flight flight) {
        flights.computeIfPresent(flight.staleAccessToken, (token, held) -> held.result == flight.result ? null : held);
    }

    private static void tell(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException ignored) {
            // a failing listener must neither undo the outcome nor keep the waiters waiting
        }
    }

    private static Session await(CompletionStage<Session> stage, Duration wait) {
        try {
            return stage.toCompletableFuture().get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (TimeoutException e) {
            throw new AuthServiceUnavailableException("the refresh took longer than " + wait, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthServiceUnavailableException("interrupted while waiting for the refresh", e);
        }
    }

    public static Throwable unwrap(Throwable t) {
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

    private record Outcome(Session session, boolean refreshed) {
    }

    /** One refresh of one stale token: run once, by whoever claims it first. */
    private static final class Flight {
        final String staleAccessToken;
        final CompletableFuture<Session> result;
        final AtomicBoolean claimed;
        final boolean isNew;

        Flight(String staleAccessToken) {
            this(staleAccessToken, new CompletableFuture<>(), new AtomicBoolean(), true);
        }

        private Flight(String staleAccessToken, CompletableFuture<Session> result, AtomicBoolean claimed, boolean isNew) {
            this.staleAccessToken = staleAccessToken;
            this.result = result;
            this.claimed = claimed;
            this.isNew = isNew;
        }

        /** The same flight, seen by a caller that did not create it. */
        Flight joined() {
            return new Flight(staleAccessToken, result, claimed, false);
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }
    }
}
