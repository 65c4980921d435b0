package dev.cards.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.cards.client.auth.api.AuthApi;
import dev.cards.client.auth.api.AuthUniApi;
import dev.cards.client.cards.api.CardsApi;
import dev.cards.client.cards.api.CardsUniApi;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The typed clients of one session: the generated interfaces (blocking and Uni), each attaching the
 * access token, refreshing it and retrying by itself, and {@link Sessions} to sign in and out. Every
 * client is built on first use, so an application pays only for the interfaces it calls.
 *
 * <p>This is the one place the refresh policy is applied: a Quarkus application injects
 * {@code CardsApi}, {@code CardsUniApi}, {@code AuthApi}, {@code AuthUniApi} and {@link Sessions},
 * which the library's producers take from one instance built from {@link CardsClientConfig}. Build
 * another with {@link #builder()} for a session of its own:
 *
 * <pre>{@code
 * CardsClients clients = CardsClients.builder().authUrl(URI.create("http://localhost:8081"))
 *         .cardsUrl(URI.create("http://localhost:8082")).build();
 * clients.sessions().login("ada@example.com", password);
 * CardPage page = clients.cards().listCards(0, 20); // refreshes and retries by itself
 * }</pre>
 */
public final class CardsClients {

    /** The refresh client's read timeout at most: a lost answer must be resent within the auth-service's reuse grace. */
    static final Duration MAX_REFRESH_READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Supplier<DPoPKey> NO_LOGIN = () -> null;

    private final URI authUrl;
    private final URI cardsUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final ExchangeListener exchangeListener;
    private final DPoPNonces nonces = DPoPNonces.SHARED;
    private final DPoPDiscovery dpop;
    private final SessionRefresher refresher;
    private final RefreshPolicy policy;
    private final Sessions sessions;
    private final Map<String, Object> built = new ConcurrentHashMap<>();

    private CardsClients(Builder b) {
        authUrl = b.authUrl;
        cardsUrl = b.cardsUrl;
        connectTimeout = b.connectTimeout;
        readTimeout = b.readTimeout;
        exchangeListener = b.exchangeListener;
        // The token client (sign-up, login, refresh, logout) carries no access token and no policy.
        refresher = new SessionRefresher(b.store, new AuthApiRefreshEndpoint(this::tokenClient), Issuer.of(b.authUrl),
                b.clock, b.refreshSkew, b.proactiveRefresh, b.callDeadline, b.executor);
        b.listeners.forEach(refresher::addListener);
        policy = new RefreshPolicy(refresher, b.callDeadline);
        dpop = new DPoPDiscovery(b.dpop, b.authUrl, this::metadataClient);
        sessions = new Sessions(this::tokenClient, this::auth, refresher, dpop, b.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Blocking auth API; {@code me}, {@code logoutAll} and the account operations ({@code listSessions},
     * {@code endSession}, {@code changePassword}, {@code deleteAccount}) carry the access token and refresh it.
     */
    public AuthApi auth() {
        return refreshing(AuthApi.class, "auth", authUrl);
    }

    /** The auth API with {@code Uni} results. */
    public AuthUniApi authUni() {
        return refreshing(AuthUniApi.class, "auth", authUrl);
    }

    /** Blocking cards API: attaches the access token, refreshes and retries by itself. */
    public CardsApi cards() {
        return refreshing(CardsApi.class, "cards", cardsUrl);
    }

    /** The cards API with {@code Uni} results: the same, without blocking. */
    public CardsUniApi cardsUni() {
        return refreshing(CardsUniApi.class, "cards", cardsUrl);
    }

    /** Sign-up, login, logout and the current session. */
    public Sessions sessions() {
        return sessions;
    }

    /**
     * Calls of this session's clients sent a second time after a 401 and a refresh. An observation
     * hook for the CLI's {@code demo} and the benchmark; an application does not need it.
     */
    public long retries() {
        return policy.retries();
    }

    /**
     * The benchmark's baseline only ({@code cards-bench client-expiry --fixed-header}): the blocking cards API with the
     * same providers, timeouts and exchange listener, minus the refresh policy, so every call sends the
     * session's access token as it is now and nothing ever refreshes it. Not for applications.
     */
    public CardsApi cardsWithoutRefresh() {
        return api("cards-without-refresh", () -> client(cardsUrl, "cards", readTimeout, NO_LOGIN)
                .build(CardsApi.class));
    }

    /** Whether logins bind their sessions to a DPoP key ({@code cards.client.dpop}). */
    public DPoPMode dpop() {
        return dpop.mode();
    }

    SessionRefresher refresher() {
        return refresher;
    }

    private <T> T refreshing(Class<T> api, String name, URI url) {
        return api(api.getName(), () -> RefreshingProxy.wrap(api,
                client(url, name, readTimeout, NO_LOGIN).build(api), policy));
    }

    /**
     * The client that calls only operations without bearerAuth: sign-up, login, refresh and logout;
     * with the DPoP nonce retry but no refresh policy, and the proof of a login signed with its new key.
     */
    private AuthApi tokenClient() {
        Duration read = readTimeout.compareTo(MAX_REFRESH_READ_TIMEOUT) < 0 ? readTimeout
                : MAX_REFRESH_READ_TIMEOUT;
        return api("auth-token", () -> RefreshingProxy.wrap(AuthApi.class,
                client(authUrl, "auth-token", read, sessions::loginKey).build(AuthApi.class), NonceRetry.INSTANCE));
    }

    /** The auth-service's metadata, read at the first login when {@code cards.client.dpop} is {@code auto}. */
    private AuthorizationServerMetadataApi metadataClient() {
        Duration read = readTimeout.compareTo(MAX_REFRESH_READ_TIMEOUT) < 0 ? readTimeout
                : MAX_REFRESH_READ_TIMEOUT;
        return api("auth-metadata", () -> client(authUrl, "auth-metadata", read, null).build(AuthorizationServerMetadataApi.class));
    }

    private <T> T api(String key, Supplier<T> build) {
        @SuppressWarnings("unchecked")
        T client = (T) built.computeIfAbsent(key, ignored -> build.get());
        return client;
    }

    /**
     * A client with the library's providers: the session's credentials (access token, DPoP proofs) on
     * every generated operation, and the nonces every answer brings. {@code loginKey}: the key a login
     * in progress signs with (the token client), or {@link #NO_LOGIN}; null: no credentials at all (the
     * metadata).
     */
    private QuarkusRestClientBuilder client(URI url, String name, Duration readTimeout, Supplier<DPoPKey> loginKey) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder().baseUri(url)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .register(new AcceptJsonFilter(), AcceptJsonFilter.PRIORITY)
                .register(new ProblemResponseMapper(), ProblemResponseMapper.PRIORITY);
        if (loginKey != null) {
            builder.register(new AccessTokenFilter(refresher, nonces, url, loginKey), AccessTokenFilter.PRIORITY);
        }
        builder.register(nonces.recorder(url), DPoPNonces.PRIORITY);
        if (exchangeListener != null) {
            // Above the exception mapper's response filter (5000; response filters run from the
            // highest priority down), so errors such as 401 are observed before they are thrown.
            builder.register(new ExchangeObserver(name, exchangeListener), 9000);
        }
        return builder;
    }

    /** Settings; every one has a default. */
    public static final class Builder {
        private URI authUrl = URI.create("http://localhost:8081");
        private URI cardsUrl = URI.create("http://localhost:8082");
        private TokenStore store = new InMemoryTokenStore();
        private Duration refreshSkew;
        private boolean proactiveRefresh = true;
        private Duration callDeadline = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private Executor executor = Infrastructure.getDefaultWorkerPool();
        private ExchangeListener exchangeListener;
        private DPoPMode dpop = DPoPMode.AUTO;
        private final List<SessionListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * The auth-service: {@code http://host:port}, or {@code stork://<name>} to pick one of several
         * replicas per request through SmallRye Stork ({@code quarkus.stork.<name>.*}; used for the
         * refresh client too). It is also the session's issuer: a stored session obtained from another
         * URL is not used ({@link dev.cards.client.error.OtherIssuerSessionException}).
         */
        public Builder authUrl(URI url) {
            this.authUrl = url;
            return this;
        }

        /** The cards-service: {@code http://host:port} or {@code stork://<name>}. */
        public Builder cardsUrl(URI url) {
            this.cardsUrl = url;
            return this;
        }

        /** Where the session lives; default: in memory. */
        public Builder tokenStore(TokenStore store) {
            this.store = store;
            return this;
        }

        /** Fixed proactive-refresh skew; null (default) means min(30 s, lifetime / 3). */
        public Builder refreshSkew(Duration skew) {
            this.refreshSkew = skew;
            return this;
        }

        /** Refresh in the background inside the skew (default); false: only after a 401. */
        public Builder proactiveRefresh(boolean proactive) {
            this.proactiveRefresh = proactive;
            return this;
        }

        /** The longest one call waits for refreshes in all; the retry is not sent after it. */
        public Builder callDeadline(Duration deadline) {
            this.callDeadline = deadline;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Read timeout of every call; the refresh uses at most 10 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Runs the refreshes nobody waits for on their own thread; default: the Mutiny/Quarkus worker pool. */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** Told about every exchange (an observation hook for the CLI's timeline and the benchmark). */
        public Builder exchangeListener(ExchangeListener listener) {
            this.exchangeListener = listener;
            return this;
        }

        /**
         * Whether a login binds the session to a new DPoP key (RFC 9449): {@code AUTO} (default) when
         * the auth-service's metadata advertises it, {@code ON} always (a login against a service that
         * does not is refused), {@code OFF} never.
         */
        public Builder dpop(DPoPMode mode) {
            this.dpop = mode;
            return this;
        }

        public Builder listener(SessionListener listener) {
            this.listeners.add(listener);
            return this;
        }

        /**
         * The clients; refuses settings that would not mean what they say: a timeout or deadline of 0
         * (Vert.x reads a 0 timeout as none at all, and a refresh with no timeout could outlive the
         * auth-service's reuse grace) or below, and a negative skew (0 refreshes at expiry).
         */
        public CardsClients build() {
            positive("cards.client.connect-timeout", connectTimeout);
            positive("cards.client.read-timeout", readTimeout);
            positive("cards.client.call-deadline", callDeadline);
            if (refreshSkew != null && refreshSkew.isNegative()) {
                throw new IllegalArgumentException("cards.client.refresh-skew is " + refreshSkew
                        + "; it must be 0 (refresh at expiry) or longer, or unset for the default");
            }
            if (authUrl == null || cardsUrl == null || store == null) {
                throw new IllegalArgumentException("cards.client.auth-url, cards.client.cards-url and the token store must be set");
            }
            if (dpop == null) {
                throw new IllegalArgumentException("cards.client.dpop must be auto, on or off");
            }
            return new CardsClients(this);
        }

        private static void positive(String key, Duration value) {
            // Whole milliseconds reach Vert.x: below 1 ms would become 0, no limit at all.
            if (value == null || value.toMillis() < 1) {
                throw new IllegalArgumentException(key + " is " + value + "; it must be at least 1 ms (0 would mean no limit)");
            }
        }
    }
}
