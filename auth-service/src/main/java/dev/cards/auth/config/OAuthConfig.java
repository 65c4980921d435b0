package dev.cards.auth.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The OAuth 2.0 clients this server knows (RFC 6749 §2); each key is listed in the README. */
@ConfigMapping(prefix = "auth.oauth")
public interface OAuthConfig {

    /** The client the JSON endpoints (/auth/login, /auth/refresh, /auth/logout) act for. */
    @WithDefault("cards-cli")
    String firstPartyClient();

    /** The registered clients by client id; `cards-cli` is registered in application.properties (refresh only: it signs in at /auth/login). */
    Map<String, Client> clients();

    interface Client {
        /** `public` (no secret; RFC 6749 §2.1) or `confidential` (authenticates with a secret). */
        @WithDefault("public")
        ClientType type();

        /** Lower-case hex SHA-256 of a confidential client's secret; the secret itself is never stored. */
        Optional<String> secretSha256();

        /**
         * Grants the client may use: `refresh_token`, and `password` only for a client that opts in
         * (RFC 9700 §2.4: the password grant MUST NOT be used; no client has it by default).
         */
        @WithDefault("refresh_token")
        List<String> grantTypes();

        /** Exact origins (`scheme://host[:port]`) a browser page may present the refresh cookie from (CSRF check). */
        Optional<List<String>> allowedOrigins();

        /**
         * DPoP (RFC 9449) for this client's token requests: `optional` (a proof binds the tokens, none
         * gets bearer tokens), `required` (no proof, no tokens) or `off` (the DPoP header is ignored).
         */
        @WithDefault("optional")
        DpopPolicy dpop();
    }

    enum DpopPolicy {
        REQUIRED, OPTIONAL, OFF
    }

    enum ClientType {
        PUBLIC, CONFIDENTIAL
    }
}
