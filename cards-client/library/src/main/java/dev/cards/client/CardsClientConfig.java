package dev.cards.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The cards client in a Quarkus application: where the services are, timeouts, refresh behaviour. */
@ConfigMapping(prefix = "cards.client")
public interface CardsClientConfig {

    /** The auth-service: {@code http://host:port}, or {@code stork://<name>} for several replicas. */
    @WithDefault("http://localhost:8081")
    URI authUrl();

    /** The cards-service: {@code http://host:port}, or {@code stork://<name>} for several replicas. */
    @WithDefault("http://localhost:8082")
    URI cardsUrl();

    /** Connect timeout of every call. */
    @WithDefault("5S")
    Duration connectTimeout();

    /** Read timeout of every call; the refresh uses at most 10 s, to be resent within the reuse grace. */
    @WithDefault("30S")
    Duration readTimeout();

    /** Fixed proactive-refresh skew; unset means min(30 s, a third of the access token's lifetime). */
    Optional<Duration> refreshSkew();

    /** Refresh in the background once the access token is inside the skew (else only after a 401). */
    @WithDefault("true")
    boolean proactiveRefresh();

    /** Longest one call waits for refreshes in all ("auth service unavailable" after it); no retry is sent later. */
    @WithDefault("30S")
    Duration callDeadline();

    /**
     * DPoP (RFC 9449) for new sessions: {@code auto} when the auth-service's metadata advertises it with
     * ES256, {@code on} (refuse a service that does not), {@code off} (Bearer tokens).
     */
    @WithDefault("auto")
    DPoPMode dpop();

    /** Keep the session in this file (0600, shared between processes); unset keeps it in memory. */
    Optional<Path> sessionFile();
}
