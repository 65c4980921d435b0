package dev.cards.cards.security;

import java.util.Locale;

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
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class TypedAccessTokens extends DefaultJWTCallerPrincipalFactory {

    private final VerifiedTokens verified;

    @Inject
    public TypedAccessTokens(VerifiedTokens verified) {
        this.verified = verified;
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
        JWTCallerPrincipal principal = super.parse(token, authContextInfo);
        verified.put(token, principal);
        return principal;
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
