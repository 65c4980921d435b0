package dev.cards.http.dpop;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.WithDefault;

/**
 * The DPoP proof settings both services expose, each under its own prefix ({@code auth.dpop.*},
 * {@code cards.dpop.*}): a group their configuration mappings extend.
 */
public interface DpopProofConfig {

    /** Asymmetric JWS algorithms a proof may be signed with (RFC 9449 §4.2); the metadata's and challenges' list. */
    @WithDefault("ES256,ES384,ES512,PS256,RS256")
    List<String> algorithms();

    /** The oldest `iat` accepted, and how long a used `jti` is remembered (§11.1); at least 1 s. */
    @WithDefault("60S")
    Duration proofMaxAge();

    /** How far ahead of this server's clock a proof's `iat` may be; 0 = not at all. */
    @WithDefault("10S")
    Duration clockSkew();

    /** The settings, checked: a symmetric algorithm, a max age under 1 s or a negative skew is refused. */
    default DpopSettings settings() {
        return new DpopSettings(algorithms(), proofMaxAge(), clockSkew());
    }
}
