package dev.cards.cards.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What an operator may tune in the cards-service beyond the standard Quarkus and MicroProfile JWT keys. */
@ConfigMapping(prefix = "cards")
public interface CardsConfig {

    Http http();

    interface Http {
        /** Largest request head (all header lines) answered normally; larger ones get a 431 problem. */
        @WithDefault("16384")
        int maxHeaderBytes();

        /** Longest request target (path and query) answered normally; longer ones get a 414 problem. */
        @WithDefault("4096")
        int maxUriLength();
    }
}
