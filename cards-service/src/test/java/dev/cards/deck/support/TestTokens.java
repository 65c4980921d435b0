package dev.cards.deck.support;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints access tokens shaped exactly like the auth-service's (ES256, thumbprint kid, iss, sub,
 * aud, exp, iat, jti, client_id, upn, groups; header typ at+jwt), signed with the key the test JWKS server publishes.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8081";
    public static final String AUDIENCE = "cards-service";

    private TestTokens() {
    }

    /** The key the test application's JWKS publishes from the start. */
    public static TestKey primaryKey() {
        return TestKey.read(Path.of(ConfigProvider.getConfig().getValue("test.signing-key.file", String.class)));
    }

    /** A fresh user id, so tests never depend on an empty database. */
    public static String newUser() {
        return UUID.randomUUID().toString();
    }

    /** A valid access token for {@code subject}. */
    public static String accessToken(String subject) {
        return sign(claims(subject), primaryKey());
    }

    /** The claims of a valid token, to be changed in exactly one way by a negative test. */
    public static JwtClaimsBuilder claims(String subject) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .audience(AUDIENCE)
                .upn(subject + "@example.test")
                .groups("user")
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claim("jti", UUID.randomUUID().toString())
                .claim("client_id", "cards-cli");
    }

    public static String sign(JwtClaimsBuilder claims, TestKey key) {
        return signTyped(claims, key, "at+jwt");
    }

    /** Signed with this {@code typ} header; {@code null} leaves the builder's default. */
    public static String signTyped(JwtClaimsBuilder claims, TestKey key, String typ) {
        var jws = claims.jws().keyId(key.kid()).algorithm(SignatureAlgorithm.ES256);
        return (typ == null ? jws : jws.header("typ", typ)).sign(key.privateKey());
    }
}
