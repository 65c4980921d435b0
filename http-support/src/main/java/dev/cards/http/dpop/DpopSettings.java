package dev.cards.http.dpop;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * What a service accepts in a DPoP proof (RFC 9449 §4.3): the signature algorithms, how old its
 * `iat` may be, and how far ahead of this server's clock.
 *
 * @param algorithms asymmetric JWS algorithms only (§4.2: never `none` nor a MAC)
 * @param maxAge the oldest `iat` accepted, and how long a used `jti` is remembered (§11.1)
 * @param clockSkew how far in the future `iat` may be
 */
public record DpopSettings(List<String> algorithms, Duration maxAge, Duration clockSkew) {

    /**
     * The algorithms a proof may be signed with: RFC 9449 §4.2 allows no symmetric one, and EdDSA
     * would need Tink on the classpath, which Nimbus leaves optional.
     */
    public static final List<String> ASYMMETRIC = List.of("ES256", "ES384", "ES512", "PS256", "PS384", "PS512",
            "RS256", "RS384", "RS512");

    public DpopSettings {
        if (algorithms.isEmpty()) {
            throw new IllegalStateException("dpop.algorithms must name at least one algorithm");
        }
        for (String alg : algorithms) {
            if (!ASYMMETRIC.contains(alg)) {
                throw new IllegalStateException("dpop.algorithms: " + alg + " is not an asymmetric JWS algorithm of "
                        + ASYMMETRIC);
            }
        }
        // Below a second, Nimbus' whole-second iat would refuse every proof; 0 would refuse all.
        if (maxAge.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException("dpop.proof-max-age must be at least 1 s");
        }
        if (clockSkew.isNegative()) {
            throw new IllegalStateException("dpop.clock-skew must not be negative");
        }
        algorithms = List.copyOf(algorithms);
    }

    Set<JWSAlgorithm> jwsAlgorithms() {
        Set<JWSAlgorithm> algs = new LinkedHashSet<>();
        algorithms.forEach(a -> algs.add(JWSAlgorithm.parse(a)));
        return algs;
    }

    /** The `algs` of a `WWW-Authenticate: DPoP` challenge and the metadata's list (§5.1, §7.1). */
    public String algsParameter() {
        return String.join(" ", algorithms);
    }
}
