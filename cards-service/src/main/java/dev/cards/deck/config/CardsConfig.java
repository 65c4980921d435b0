package dev.cards.deck.config;

import java.time.Duration;
import java.util.Optional;

import dev.cards.http.dpop.DpopProofConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What an operator may tune in the cards-service beyond the standard Quarkus and MicroProfile JWT keys. */
@ConfigMapping(prefix = "cards")
public interface CardsConfig {

    Http http();

    Web web();

    interface Web {
        /** The auth-service's public URL, which the web app at / signs in and refreshes through (CARDS_WEB_AUTH_URL). */
        @WithDefault("http://localhost:8081")
        String authUrl();
    }

    TokenCache tokenCache();

    interface TokenCache {
        /**
         * How long a verified access token is taken as verified without checking its signature
         * again (never past its exp). It adds at most this much to the time a key removed from the
         * JWKS keeps verifying (the JWKS answer's max-age). 0 turns the cache off.
         */
        @WithDefault("1S")
        Duration ttl();

        /** Verified tokens kept at most; past that, new ones are verified every time until entries expire. */
        @WithDefault("1024")
        int maxEntries();
    }

    interface Http {
        /** Largest request head (all header lines) answered normally; larger ones get a 431 problem. */
        @WithDefault("16384")
        int maxHeaderBytes();

        /** Longest request target (path and query) answered normally; longer ones get a 414 problem. */
        @WithDefault("4096")
        int maxUriLength();
    }

    Dpop dpop();

    /** DPoP (RFC 9449): what the proof that comes with a bound access token may be (the shared group). */
    interface Dpop extends DpopProofConfig {
    }

    AccountDeletions accountDeletions();

    /**
     * Deleted accounts, read from the auth-service with a client-credentials token (its
     * /internal/account-deletions): every card of each is deleted, then the deletion acknowledged.
     * Off while no client secret is configured.
     */
    interface AccountDeletions {
        /** The auth-service's URL as this service reaches it (its token endpoint and the feed). */
        @WithDefault("http://localhost:8081")
        String authUrl();

        /** This service's confidential client at the auth-service (grant client_credentials). */
        @WithDefault("cards-service")
        String clientId();

        /** Its secret (CARDS_ACCOUNT_DELETIONS_CLIENT_SECRET); without it, deleted accounts are not read. */
        Optional<String> clientSecret();

        /** How often the feed is read; at least 1 s. */
        @WithDefault("30S")
        Duration interval();
    }
}
