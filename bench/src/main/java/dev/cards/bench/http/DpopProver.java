package dev.cards.bench.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;

/**
 * One virtual user's DPoP key (P-256, ES256) and the latest nonce its server handed out (RFC 9449
 * §4, §8), as a client holds them: every proof is made by Nimbus' factory with a fresh jti and iat,
 * the request's method and URL, the access token's hash ({@code ath}) on resource calls, and the
 * latest nonce. One per worker: a worker talks to one server, so one nonce is the latest of its
 * origin. Not shared between threads.
 */
final class DpopProver {

    static final String NONCE_HEADER = "DPoP-Nonce";
    private static final Pattern USE_NONCE_BODY = Pattern.compile("\"error\"\\s*:\\s*\"use_dpop_nonce\"");
    private static final Pattern USE_NONCE_CHALLENGE = Pattern.compile("(?i)^DPoP\\b.*error=\"use_dpop_nonce\"");

    private final ECKey key;
    private final DefaultDPoPProofFactory factory;
    private String nonce;

    DpopProver(ECKey key) {
        this(key, factory(key));
    }

    private DpopProver(ECKey key, DefaultDPoPProofFactory factory) {
        this.key = key;
        this.factory = factory;
    }

    private static DefaultDPoPProofFactory factory(ECKey key) {
        try {
            return new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static DpopProver generate() {
        try {
            return new DpopProver(new ECKeyGenerator(Curve.P_256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same key towards another server: nonces are kept per server origin, so none yet. */
    DpopProver atAnotherServer() {
        return new DpopProver(key, factory);
    }

    ECKey key() {
        return key;
    }

    /** The latest nonce the server handed out, or null before any. */
    String nonce() {
        return nonce;
    }

    /** A proof for a token request (no access token). */
    String proof(String method, URI url) {
        return proof(method, url, null);
    }

    /** A proof for {@code method url}; with {@code accessToken} (not null), its hash in {@code ath}. */
    String proof(String method, URI url, String accessToken) {
        try {
            return factory.createDPoPJWT(method, url, accessToken == null ? null : new DPoPAccessToken(accessToken),
                    nonce == null ? null : new Nonce(nonce)).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads an answer: any {@code DPoP-Nonce} becomes the latest nonce. True when the server asked
     * for a (new) nonce, so that the request is to be sent again, once, with a fresh proof: a 400
     * or 401 with a nonce whose body's {@code error} or {@code WWW-Authenticate} DPoP challenge is
     * {@code use_dpop_nonce} (the client rule of both servers; Keycloak's answers look the same).
     */
    boolean observe(int status, HttpHeaders headers, String body) {
        String handedOut = headers.firstValue(NONCE_HEADER).orElse(null);
        if (handedOut == null) {
            return false;
        }
        nonce = handedOut;
        if (status != 400 && status != 401) {
            return false;
        }
        return (body != null && USE_NONCE_BODY.matcher(body).find())
                || headers.allValues("WWW-Authenticate").stream().anyMatch(c -> USE_NONCE_CHALLENGE.matcher(c).find());
    }
}
