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

    /** Refresh in the background once the access token is inside the skew (else only after a 401). */
    @WithDefault("true")
    boolean proactiveRefresh();

    /** Longest one call waits for refreshes in all ("auth service unavailable" after it); no retry is sent later. */
    @WithDefault("30S")
    Duration callDeadline();

    /** Keep the session in this file (0600, shared between processes); unset keeps it in memory. */
    Optional<Path> sessionFile();
}
