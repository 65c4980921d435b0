package dev.cards.deck.security;

import java.time.Clock;

import javax.sql.DataSource;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.cards.deck.config.CardsConfig;
import dev.cards.http.dpop.DpopProofs;
import dev.cards.http.dpop.DpopSettings;
import dev.cards.http.dpop.PresentedProof;
import dev.cards.http.dpop.ProofReplayStore;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;

import jakarta.json.JsonString;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The DPoP half of the access check (RFC 9449 §7): a token bound to a key ({@code cnf.jkt}) counts
 * only with the DPoP scheme and a proof by that key for this very request ({@code ath}, htm, htu,
 * a fresh iat, a jti never seen on any replica); a bound token sent as Bearer, or an unbound one
 * sent as DPoP, is refused. Runs on every request to a {@link SenderConstrained} resource, after
 * the token itself verified (possibly from {@link VerifiedTokens}): the cache spares the token's
 * signature, never the proof.
 */
// Eager: a wrong cards.dpop.* setting stops start-up, not the first request.
@Startup
@ApplicationScoped
public class ProofOfPossession {

    private static final String DPOP = "DPoP ";

    private final DpopProofs proofs;
    private final Instance<SecurityIdentity> identity;

    public ProofOfPossession(CardsConfig config, DataSource dataSource, Instance<SecurityIdentity> identity) {
        DpopSettings settings = config.dpop().settings();
        this.proofs = new DpopProofs(settings, new ProofReplayStore(dataSource, Clock.systemUTC(), settings));
        this.identity = identity;
    }

    public DpopSettings settings() {
        return proofs.settings();
    }

    /** Runs on the worker thread of the (blocking) resource, after the token verified or failed. */
    @ServerRequestFilter
    @SenderConstrained
    public void check(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return; // no token: the role check answers 401
        }
        SecurityIdentity caller = identity.get(); // verifies the token now; a bad one throws (401)
        if (caller.isAnonymous() || !(caller.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        String boundJkt = boundKeyOf(token);
        boolean dpop = authorization.regionMatches(true, 0, DPOP, 0, DPOP.length());
        if (!dpop) {
            if (boundJkt != null) {
                throw new TokenSchemeException("The access token is bound to a DPoP key: send it as DPoP with a proof");
            }
            return;
        }
        if (boundJkt == null) {
            throw new TokenSchemeException("The access token is not bound to a DPoP key: send it as Bearer");
        }
        PresentedProof presented = PresentedProof.of(request);
        proofs.forResource(presented.target(), presented.values(), token.getRawToken(), boundJkt);
    }

    /** RFC 9449 §6.1: the thumbprint in {@code cnf.jkt}; a cnf without one is not a binding this service knows. */
    private static String boundKeyOf(JsonWebToken token) {
        Object cnf = token.getClaim("cnf");
        if (cnf == null) {
            return null;
        }
        // SmallRye JWT hands out a JSON object claim as a JsonObject or as jose4j's Map, by version.
        Object jkt = cnf instanceof Map<?, ?> confirmation ? confirmation.get("jkt") : null;
        if (jkt instanceof JsonString json) {
            return json.getString();
        }
        if (jkt instanceof String text) {
            return text;
        }
        throw new TokenSchemeException("The access token's confirmation is not a DPoP key thumbprint");
    }
}
