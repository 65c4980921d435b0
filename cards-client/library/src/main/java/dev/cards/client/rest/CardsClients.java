package dev.cards.client.rest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import dev.cards.client.api.auth.api.AuthApi;
import dev.cards.client.api.cards.api.CardsApi;
import dev.cards.client.session.InMemoryTokenStore;
import dev.cards.client.session.Issuer;
import dev.cards.client.session.SessionListener;
import dev.cards.client.session.SessionRefresher;
import dev.cards.client.session.TokenStore;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The typed clients of one session, wired together: the generated interfaces (blocking and Uni), each
 * attaching the access token, refreshing it and retrying by itself; a token client for sign-up, login,
 * refresh and logout that never carries an access token; and the {@link SessionRefresher}.
 *
 * <p>An application normally injects the generated interfaces ({@code @Inject @RestClient CardsApi})
 * and this bean for {@link #sessions()}; both share the application's session. Build one with
 * {@link #builder()} for a session of its own:
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

    private final AuthApi auth;
    private final dev.cards.client.api.auth.mutiny.api.AuthApi authAsync;
    private final CardsApi cards;
    private final dev.cards.client.api.cards.mutiny.api.CardsApi cardsAsync;
    private final SessionRefresher refresher;
    private final RefreshPolicy policy;
    private final SessionService sessions;

    private CardsClients(Builder b) {
        Duration refreshRead = b.readTimeout.compareTo(MAX_REFRESH_READ_TIMEOUT) < 0 ? b.readTimeout : MAX_REFRESH_READ_TIMEOUT;
        // The token client calls only operations without bearerAuth: no access token, no refresh policy.
        AuthApi tokenClient = client(b, b.authUrl, "auth-token", refreshRead, null).build(AuthApi.class);
        refresher = new SessionRefresher(b.store, new GeneratedTokenEndpoint(tokenClient), Issuer.of(b.authUrl), b.clock,
                b.refreshSkew, b.proactiveRefresh, b.callDeadline, b.executor);
        b.listeners.forEach(refresher::addListener);
        policy = new RefreshPolicy(refresher, b.callDeadline);
        auth = refreshing(AuthApi.class, client(b, b.authUrl, "auth", b.readTimeout, refresher));
        authAsync = refreshing(dev.cards.client.api.auth.mutiny.api.AuthApi.class, client(b, b.authUrl, "auth", b.readTimeout, refresher));
        cards = refreshing(CardsApi.class, client(b, b.cardsUrl, "cards", b.readTimeout, refresher));
        cardsAsync = refreshing(dev.cards.client.api.cards.mutiny.api.CardsApi.class, client(b, b.cardsUrl, "cards", b.readTimeout, refresher));
        sessions = new SessionService(tokenClient, auth, refresher, b.clock);
    }

    private <T> T refreshing(Class<T> api, QuarkusRestClientBuilder builder) {
        return RefreshingProxy.wrap(api, builder.build(api), policy);
    }

    /** The providers come from the interfaces' @RegisterProvider; the session from the client property. */
    private static QuarkusRestClientBuilder client(Builder b, URI url, String name, Duration readTimeout,
            SessionRefresher refresher) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder().baseUri(url)
                .connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true);
        if (refresher != null) {
            builder.property(BearerTokenFilter.REFRESHER, refresher);
        }
        if (b.exchangeListener != null) {
            // Above the exception mapper's response filter (5000; response filters run from the
            // highest priority down), so errors such as 401 are observed before they are thrown.
            builder.register(new ExchangeObserver(name, b.exchangeListener), 9000);
        }
        return builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Blocking auth API; /auth/me and /auth/logout-all carry the access token and refresh it. */
    public AuthApi auth() {
        return auth;
    }

    /** Uni auth API. */
    public dev.cards.client.api.auth.mutiny.api.AuthApi authAsync() {
        return authAsync;
    }

    /** Blocking cards API: attaches the access token, refreshes and retries by itself. */
    public CardsApi cards() {
        return cards;
    }

    /** Uni cards API: the same, without blocking. */
    public dev.cards.client.api.cards.mutiny.api.CardsApi cardsAsync() {
        return cardsAsync;
    }

    /** Calls of this session's clients sent a second time after a 401 and a refresh. */
    public long retries() {
        return policy.retries();
    }

    RefreshPolicy policy() {
        return policy;
    }

    /** Sign-up, login and logout (through the token client, without the bearer filter). */
    public SessionService sessions() {
        return sessions;
    }

    public SessionRefresher refresher() {
        return refresher;
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
        private final List<SessionListener> listeners = new ArrayList<>();

        /**
         * The auth-service: {@code http://host:port}, or {@code stork://<name>} to pick one of several
         * replicas per request through SmallRye Stork ({@code quarkus.stork.<name>.*}; used for the
         * refresh client too). It is also the session's issuer: a stored session obtained from another
         * URL is not used (see {@link SessionRefresher}).
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

        public Builder tokenStore(TokenStore store) {
            this.store = store;
            return this;
        }

        /** Fixed proactive-refresh skew; null (default) means min(30 s, lifetime / 3). */
        public Builder refreshSkew(Duration skew) {
            this.refreshSkew = skew;
            return this;
        }

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

        public Builder exchangeListener(ExchangeListener listener) {
            this.exchangeListener = listener;
            return this;
        }

        public Builder listener(SessionListener listener) {
            this.listeners.add(listener);
            return this;
        }

        public CardsClients build() {
            return new CardsClients(this);
        }
    }
}
