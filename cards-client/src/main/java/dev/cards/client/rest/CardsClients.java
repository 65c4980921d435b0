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
import dev.cards.client.session.SessionListener;
import dev.cards.client.session.SessionRefresher;
import dev.cards.client.session.TokenStore;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The typed clients of one session, wired together: the generated interfaces (blocking and Uni) with
 * the bearer filter and the problem-details mapper, a separate token client without the filter for
 * refreshes, the {@link SessionRefresher} and the {@link AuthorizedCalls} that apply refresh-and-retry.
 *
 * <pre>{@code
 * CardsClients clients = CardsClients.builder().authUrl(URI.create("http://localhost:8081"))
 *         .cardsUrl(URI.create("http://localhost:8082")).build();
 * clients.sessions().login("ada@example.com", password);
 * var page = clients.calls().call(() -> clients.cards().cardsGet(0, 20));
 * }</pre>
 */
public final class CardsClients {

    private final AuthApi auth;
    private final dev.cards.client.api.auth.mutiny.api.AuthApi authAsync;
    private final CardsApi cards;
    private final dev.cards.client.api.cards.mutiny.api.CardsApi cardsAsync;
    private final SessionRefresher refresher;
    private final AuthorizedCalls calls;
    private final SessionService sessions;

    private CardsClients(Builder b) {
        ProblemResponseMapper mapper = new ProblemResponseMapper();
        BearerTokenFilter bearer = new BearerTokenFilter(b.store);
        AuthApi tokenClient = client(b, b.authUrl, "auth-token", mapper, null).build(AuthApi.class);
        refresher = new SessionRefresher(b.store, new GeneratedTokenEndpoint(tokenClient), b.clock, b.refreshSkew,
                b.proactiveRefresh, b.refreshTimeout, b.executor);
        b.listeners.forEach(refresher::addListener);
        auth = client(b, b.authUrl, "auth", mapper, bearer).build(AuthApi.class);
        authAsync = client(b, b.authUrl, "auth", mapper, bearer).build(dev.cards.client.api.auth.mutiny.api.AuthApi.class);
        cards = client(b, b.cardsUrl, "cards", mapper, bearer).build(CardsApi.class);
        cardsAsync = client(b, b.cardsUrl, "cards", mapper, bearer).build(dev.cards.client.api.cards.mutiny.api.CardsApi.class);
        calls = new AuthorizedCalls(refresher, b.refreshTimeout);
        sessions = new SessionService(tokenClient, auth, refresher, b.clock, calls);
    }

    private static QuarkusRestClientBuilder client(Builder b, URI url, String name, ProblemResponseMapper mapper,
            BearerTokenFilter bearer) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder().baseUri(url)
                .connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .register(mapper)
                .register(new AcceptJsonFilter(), 500);
        if (bearer != null) {
            builder.register(bearer, 1000);
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

    /** Blocking auth API (/auth/me, /auth/logout-all) with the bearer filter. */
    public AuthApi auth() {
        return auth;
    }

    /** Uni auth API with the bearer filter. */
    public dev.cards.client.api.auth.mutiny.api.AuthApi authAsync() {
        return authAsync;
    }

    /** Blocking cards API with the bearer filter. */
    public CardsApi cards() {
        return cards;
    }

    /** Uni cards API with the bearer filter. */
    public dev.cards.client.api.cards.mutiny.api.CardsApi cardsAsync() {
        return cardsAsync;
    }

    /** Wrap calls of the APIs above in these to get refresh-and-retry. */
    public AuthorizedCalls calls() {
        return calls;
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
        private Duration refreshTimeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private Executor executor = Infrastructure.getDefaultWorkerPool();
        private ExchangeListener exchangeListener;
        private final List<SessionListener> listeners = new ArrayList<>();

        /**
         * The auth-service: {@code http://host:port}, or {@code stork://<name>} to pick one of several
         * replicas per request through SmallRye Stork ({@code quarkus.stork.<name>.*}; used for the
         * refresh client too).
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

        public Builder refreshTimeout(Duration timeout) {
            this.refreshTimeout = timeout;
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

        /** Runs refreshes (blocking: file lock and HTTP); default: the Mutiny/Quarkus worker pool. */
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
