package dev.cards.deck.security;

import java.util.Locale;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

/**
 * Accepts only JWTs typed as access tokens, before SmallRye JWT's own checks: RFC 9068 §4 and
 * RFC 8725 §3.11 (explicit typing), so no other JWT the auth-service's key signs can pass for
 * one. SmallRye JWT has no setting for the `typ` header, hence this factory. Tokens verified a
 * moment ago are answered from {@link VerifiedTokens}.
 *
 * <p>It also makes {@code mp.jwt.verify.clock.skew=0} mean no skew: SmallRye JWT applies a skew
 * only above 0 and otherwise keeps its own 60 s (smallrye-jwt #693), so an operator asking for
 * the strictest check got a minute of grace past every token's exp.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class TypedAccessTokens extends DefaultJWTCallerPrincipalFactory {

    private record Strict(JWTAuthContextInfo configured, JWTAuthContextInfo withoutSkew) {
    }

    private final VerifiedTokens verified;
    private final int clockSkew;
    private volatile Strict strict;

    @Inject
    public TypedAccessTokens(VerifiedTokens verified,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int clockSkew) {
        this.verified = verified;
        this.clockSkew = clockSkew;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal known = verified.get(token);
        if (known != null) {
            return known;
        }
        if (!isAccessTokenType(token)) {
            throw new ParseException("The token is not typed at+jwt");
        }
        JWTCallerPrincipal principal = super.parse(token, withConfiguredSkew(authContextInfo));
        verified.put(token, principal);
        return principal;
    }

    /**
     * The context with the configured skew when that is 0 (or below): a copy whose skew is 0,
     * which SmallRye JWT then leaves to jose4j, whose default is none. The deprecated
     * {@code smallrye.jwt.expiration.grace}, when set, still wins as it does in SmallRye JWT.
     */
    private JWTAuthContextInfo withConfiguredSkew(JWTAuthContextInfo configured) {
        if (clockSkew > 0 || configured.getExpGracePeriodSecs() > 0 || configured.getClockSkew() == 0) {
            return configured;
        }
        Strict known = strict;
        if (known == null || known.configured() != configured) {
            JWTAuthContextInfo withoutSkew = new JWTAuthContextInfo(configured);
            withoutSkew.setClockSkew(0);
            known = new Strict(configured, withoutSkew);
            strict = known;
        }
        return known.withoutSkew();
    }

    /** RFC 9068 §4: `at+jwt` or `application/at+jwt`, compared case-insensitively (RFC 7515 §4.1.9). */
    static boolean isAccessTokenType(String token) {
        String typ;
        try {
            typ = JsonWebStructure.fromCompactSerialization(token).getHeader("typ");
        } catch (JoseException | RuntimeException e) {
            return false;
        }
        if (typ == null) {
            return false;
        }
        String type = typ.toLowerCase(Locale.ROOT);
        return type.equals("at+jwt") || type.equals("application/at+jwt");
    }
}
