package dev.cards.client.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Refresh behaviour of the cards client (service URLs are under {@code quarkus.rest-client.*}). */
@ConfigMapping(prefix = "cards.client")
public interface CardsClientConfig {

    /** Fixed proactive-refresh skew; unset means min(30 s, a third of the access token's lifetime). */
    Optional<Duration> refreshSkew();

    /** Refresh before sending when the access token expires within the skew (else only after a 401). */
    @WithDefault("true")
    boolean proactiveRefresh();

    /** Longest time a call waits for a refresh before failing as "auth service unavailable". */
    @WithDefault("30S")
    Duration refreshTimeout();

    /** Keep the session in this file (0600, shared between processes); unset keeps it in memory. */
    Optional<Path> sessionFile();
}
