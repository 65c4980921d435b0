package dev.cards.auth.crypto;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

import dev.cards.auth.config.AuthConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;

/** Signs access tokens (SmallRye JWT) and checks the ones presented back to this service. */
@ApplicationScoped
public class AccessTokens {

    public static final String USER_GROUP = "user";
    /** RFC 9068 §2.1: the media type of JWT access tokens, in the `typ` header. */
    public static final String TYPE = "at+jwt";

    private final AuthConfig config;
    private final SigningKeys keys;
    private final JwtConsumer consumer;
    private final JwtConsumer clientConsumer;

    public AccessTokens(AuthConfig config, SigningKeys keys) {
        this.config = config;
        this.keys = keys;
        Duration skew = config.accessToken().clockSkew();
        if (skew.isNegative()) {
            throw new IllegalStateException("auth.access-token.clock-skew must not be negative");
        }
        this.consumer = consumer(config.audience());
        this.clientConsumer = consumer(config.issuer());
    }

    /** Tokens for {@code audience}: user tokens are for the cards-service, client tokens for this service. */
    private JwtConsumer consumer(String audience) {
        Duration skew = config.accessToken().clockSkew();
        return new JwtConsumerBuilder()
                // RFC 8725 §3.1: accept only the algorithm we sign with; `none` and HS* never verify.
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        keys.publishedAlgorithms().toArray(String[]::new))
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        keys.publishedKeys().stream().map(k -> (JsonWebKey) k).toList()))
                .setRequireExpirationTime()
                .setRequireSubject()
                // RFC 8725 §3.11: only a token typed as an access token is one.
                .setExpectedType(true, TYPE)
                // RFC 7519 §4.1.4 allows "some small leeway"; jose4j takes 0 as none.
                .setAllowedClockSkewInSeconds((int) Math.min(skew.toSeconds(), Integer.MAX_VALUE))
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(audience)
                .build();
    }

    /**
     * A client-credentials access token (RFC 6749 §4.4, RFC 9068 §2.2: `sub` is the client): for
     * this service only, so no user endpoint and not the cards-service takes it.
     */
    public String issueForClient(String clientId, String dpopJkt, Instant now) {
        return signed(Jwt.issuer(config.issuer()).subject(clientId).audience(config.issuer()), clientId, dpopJkt, now);
    }

    /** Adds what every access token has (iat, exp, jti, client_id, and cnf when bound) and signs it, typed at+jwt. */
    private String signed(JwtClaimsBuilder claims, String clientId, String dpopJkt, Instant now) {
        claims.issuedAt(now)
                .expiresAt(now.plus(config.accessToken().lifetime()))
                .claim("jti", UUID.randomUUID().toString())
                .claim("client_id", clientId);
        if (dpopJkt != null) {
            claims.claim("cnf", Map.of("jkt", dpopJkt));
        }
        return claims.jws()
                .header("typ", TYPE)
                .keyId(keys.signingKeyId())
                .algorithm(SignatureAlgorithm.fromAlgorithm(keys.algorithm()))
                .sign(keys.signingKey());
    }

    /** The client of a valid client-credentials token and its key binding (null), or throws {@link InvalidAccessTokenException}. */
    public Verified verifyClient(String token) {
        try {
            JwtClaims claims = clientConsumer.processToClaims(token);
            String clientId = claims.getStringClaimValue("client_id");
            if (clientId == null || !clientId.equals(claims.getSubject())) {
                throw new InvalidAccessTokenException("The access token is invalid");
            }
            return new Verified(null, jktOf(claims), null, clientId);
        } catch (InvalidJwtException e) {
            throw new InvalidAccessTokenException(e.hasExpired() ? "The access token expired" : "The access token is invalid");
        } catch (MalformedClaimException e) {
            throw new InvalidAccessTokenException("The access token is invalid");
        }
    }

    private static String jktOf(JwtClaims claims) {
        Object cnf = claims.getClaimValue("cnf");
        Object jkt = cnf instanceof Map<?, ?> confirmation ? confirmation.get("jkt") : null;
        if (cnf != null && !(jkt instanceof String)) {
            // A confirmation this server cannot check is one it did not issue.
            throw new InvalidAccessTokenException("The access token is invalid");
        }
        return (String) jkt;
    }

    /** A presented access token that verified: its user, and the key it is bound to (null for a bearer token). */
    public record Verified(UUID userId, String dpopJkt, UUID sessionId, String clientId) {
    }

    /**
     * An RFC 9068 access token: typ at+jwt; iss, sub, aud, exp, iat, jti, client_id; and, bound to a
     * DPoP key, {@code cnf.jkt} (RFC 9449 §6.1) when {@code dpopJkt} is not null; {@code sid}, the
     * session's public id, when known, so the session list can mark the caller's own.
     */
    public String issue(UUID userId, String email, String clientId, String dpopJkt, UUID sessionId, Instant now) {
        var claims = Jwt.issuer(config.issuer())
                .subject(userId.toString())
                .audience(config.audience())
                .upn(email)
                .groups(Set.of(USER_GROUP));
        if (sessionId != null) {
            claims.claim("sid", sessionId.toString());
        }
        return signed(claims, clientId, dpopJkt, now);
    }

    /** The user of a valid access token and its key binding, or throws {@link InvalidAccessTokenException}. */
    public Verified verify(String token) {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String sid = claims.getClaimValue("sid") instanceof String s ? s : null;
            return new Verified(UUID.fromString(claims.getSubject()), jktOf(claims), sid == null ? null : UUID.fromString(sid),
                    claims.getStringClaimValue("client_id"));
        } catch (InvalidJwtException e) {
            throw new InvalidAccessTokenException(e.hasExpired() ? "The access token expired" : "The access token is invalid");
        } catch (MalformedClaimException | IllegalArgumentException e) {
            throw new InvalidAccessTokenException("The access token is invalid");
        }
    }
}
