package dev.cards.auth.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.cards.http.dpop.DpopProofConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything an operator may tune in the auth-service; each key is listed in the README. */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /**
     * Issuer: the `iss` of every access token and the URL this server is reached at, which the
     * metadata document's endpoints start with (RFC 8414 §2: https, no query or fragment).
     */
    @WithDefault("http://localhost:8081")
    String issuer();

    /** Audience (`aud`) written into every access token: the service that accepts it. */
    @WithDefault("cards-service")
    String audience();

    AccessToken accessToken();

    RefreshToken refreshToken();

    Session session();

    SigningKey signingKey();

    ClientAddress clientAddress();

    LoginThrottle loginThrottle();

    LoginLimit loginLimit();

    SignupLimit signupLimit();

    Purge purge();

    Http http();

    Password password();

    Dpop dpop();

    AccountDeletion accountDeletion();

    /** Deleted accounts reaching the other services (the cards-service deletes the cards). */
    interface AccountDeletion {
        /**
         * Confidential clients (with the client_credentials grant) that may read and acknowledge the
         * deleted accounts at /internal/account-deletions: the cards-service's client. None by default.
         */
        Optional<List<String>> consumers();
    }

    interface AccessToken {
        /** How long an access token is valid. */
        @WithDefault("5M")
        Duration lifetime();

        /**
         * How long past its exp an access token presented to this service (/auth/me,
         * /auth/logout-all, /oauth2/revoke) is still taken, for clocks that differ; whole seconds, 0 for none.
         */
        @WithDefault("30S")
        Duration clockSkew();
    }

    interface RefreshToken {
        /** Idle lifetime of a session: a refresh token unused for this long expires. */
        @WithDefault("14D")
        Duration lifetime();

        /** Whether each refresh returns a new refresh token and retires the presented one. */
        @WithDefault("true")
        boolean rotation();

        /**
         * How long the immediately previous refresh token still returns the successor already issued
         * (never a second one), so a lost response or concurrent presentations do not revoke the
         * session; later reuse still does (RFC 9700 §4.14.2 allows this; Okta's default is 30 s).
         */
        @WithDefault("30S")
        Duration reuseGrace();

        /**
         * Secret the successor of a rotated refresh token is derived from (at least 32 characters), the
         * same on every replica; unset, one is generated once and kept in the database.
         */
        Optional<String> successorSecret();

        /**
         * Without rotation: a refresh writes the session's new idle end only when the stored one is
         * more than this (at most a tenth of {@link #lifetime()}) short of it, so a busy session costs
         * one write per step instead of one per refresh. A session may therefore end up to one step
         * before its idle lifetime after its last refresh, never after it.
         */
        @WithDefault("60S")
        Duration idleRenewalStep();
    }

    interface Session {
        /** Absolute lifetime of a session, counted from login; rotation never extends it. */
        @WithDefault("30D")
        Duration maxLifetime();

        /** Live sessions of one account (at least 1); starting one more ends the least recently used. */
        @WithDefault("50")
        int maxPerAccount();
    }

    interface SigningKey {
        /** PKCS#8 PEM file with the private key that signs access tokens: EC P-256 (ES256) or RSA ≥ 2048 bits (RS256). Required in prod. */
        Optional<String> location();

        /** PEM public keys of retired signing keys, still published so their live tokens verify. */
        Optional<List<String>> additionalPublicKeys();

        /** With no location, generate a throw-away key at start (dev, tests, local runs only). */
        @WithDefault("false")
        boolean generateIfMissing();
    }

    interface ClientAddress {
        /**
         * Reverse proxies (IP addresses or CIDRs, no host names) whose X-Forwarded-For names the client,
         * read from the right past these proxies; from any other peer the header is ignored. None by default.
         */
        Optional<List<String>> trustedProxies();
    }

    interface LoginThrottle {
        /** Failed logins for one account from one client address, within the window, before that pair is refused. */
        @WithDefault("5")
        int maxFailures();

        /** Failed logins from one client address, over all emails, within the window, before the address is refused. */
        @WithDefault("20")
        int addressMaxFailures();

        /** Failed logins from one IPv6 /48 (any of its /64s, any emails), within the window, before the /48 is refused. */
        @WithDefault("100")
        int networkMaxFailures();

        /**
         * Failed logins of one account from addresses that have not signed in to it lately, over all of them,
         * within the window, before each further login from such an address waits (base-delay, doubling).
         */
        @WithDefault("10")
        int accountMaxFailures();

        /** Longest such wait: the most the owner waits from a new address once guessing pauses; 0: never waits. */
        @WithDefault("1M")
        Duration accountMaxDelay();

        /** How long a successful login exempts its address (IPv6: its /64) from the account's count; 0: never. */
        @WithDefault("30D")
        Duration knownAddressLifetime();

        /** Window in which failures are counted. */
        @WithDefault("15M")
        Duration window();

        /** First refusal delay; it doubles with each further failure. */
        @WithDefault("30S")
        Duration baseDelay();

        /** Longest refusal delay. */
        @WithDefault("15M")
        Duration maxDelay();

        /** Logins from one client address checked at once; further ones wait in that address's queue. */
        @WithDefault("2")
        int addressConcurrency();

        /** Logins from one client address that may wait for a turn; beyond them it is refused at once. */
        @WithDefault("16")
        int addressQueue();
    }

    interface LoginLimit {
        /** Logins being checked or waiting for a check on one replica (at least 1); beyond them 429 at once. */
        @WithDefault("32")
        int maxInProgress();

        /** Successful logins of one account within the window, over all addresses and replicas (at least 1); beyond them 429. */
        @WithDefault("10")
        int maxPerAccount();

        /** Window in which an account's successful logins are counted. */
        @WithDefault("1M")
        Duration window();

        /**
         * How long a refused login (429) is held before it is answered, at most its Retry-After; 0
         * answers at once. Held without a thread, so a flood that retries at once slows to its
         * connections' count per this time.
         */
        @WithDefault("1S")
        Duration refusalDelay();

        /** Refusals held at once per replica (at least 1); beyond them a refusal is answered at once. */
        @WithDefault("4096")
        int maxHeldRefusals();
    }

    interface SignupLimit {
        /** Sign-ups from one client address within the window. */
        @WithDefault("10")
        int maxPerAddress();

        /** Window in which sign-ups are counted. */
        @WithDefault("10M")
        Duration window();
    }

    interface Purge {
        /** How often expired sessions and stale throttle rows are deleted (a Quarkus scheduler interval). */
        @WithDefault("1h")
        String every();

        /** Revoked and expired sessions are kept this long after they ended, for investigation. */
        @WithDefault("1D")
        Duration keepEndedSessions();
    }

    interface Http {
        /** Largest request head (all header lines) answered normally; larger ones get a 431 problem. */
        @WithDefault("16384")
        int maxHeaderBytes();

        /** Longest request target (path and query) answered normally; longer ones get a 414 problem. */
        @WithDefault("4096")
        int maxUriLength();
    }

    interface Password {
        /** Argon2id memory cost in KiB (OWASP minimum: 19456 = 19 MiB). */
        @WithDefault("19456")
        int memoryKib();

        /** Argon2id iterations (OWASP minimum with 19 MiB: 2). */
        @WithDefault("2")
        int iterations();

        /** Argon2id parallelism. */
        @WithDefault("1")
        int parallelism();

        /** Hashes computed at once; further logins wait their turn. Default: the number of cores. */
        Optional<Integer> maxConcurrentHashes();

        /** Argon2 implementation: native (libargon2), java (Bouncy Castle), or auto: native where it loads, else java. */
        @WithDefault("auto")
        String implementation();
    }

    /** DPoP (RFC 9449): what a proof may be (the shared group), and the server nonces (§8). */
    interface Dpop extends DpopProofConfig {
        /** Whether token requests must carry a nonce of this server (§8): bounds a proof's life by the server's clock. */
        @WithDefault("true")
        boolean nonceRequired();

        /** How often the nonce changes; a nonce is accepted in its step and the next. At least 1 s. */
        @WithDefault("5M")
        Duration nonceStep();
    }
}
