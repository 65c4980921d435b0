package dev.cards.testsupport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;

/**
 * A DPoP key (P-256, ES256) as a test client holds it, making proofs with Nimbus' factory
 * (RFC 9449 §4), and, for the attacks, proofs the factory would never make.
 */
public final class DpopKey {

    private final ECKey key;
    private final DefaultDPoPProofFactory factory;

    private DpopKey(ECKey key) {
        this.key = key;
        try {
            this.factory = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DpopKey generate() {
        try {
            return new DpopKey(new ECKeyGenerator(Curve.P_256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The RFC 7638 thumbprint, as `cnf.jkt` names the key. */
    public String thumbprint() {
        try {
            return key.toPublicJWK().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A proof for a token request; {@code nonce} may be null. */
    public String proof(String method, String url, String nonce) {
        try {
            return factory.createDPoPJWT(method, URI.create(url), nonce == null ? null : new Nonce(nonce)).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A proof for a request with {@code accessToken} (its hash in `ath`). */
    public String proof(String method, String url, String accessToken, String nonce) {
        try {
            return factory.createDPoPJWT(method, URI.create(url), new DPoPAccessToken(accessToken),
                    nonce == null ? null : new Nonce(nonce)).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A proof issued at {@code issuedAt}, for the iat window's edges. */
    public String proofIssuedAt(String method, String url, Date issuedAt, String accessToken, String nonce) {
        try {
            return factory.createDPoPJWT(new JWTID(), method, URI.create(url), issuedAt,
                    accessToken == null ? null : new DPoPAccessToken(accessToken), nonce == null ? null : new Nonce(nonce))
                    .serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A well-signed proof whose header carries the PRIVATE key too (RFC 9449 §4.3 item 7 refuses it).
     * Nimbus will not build such a header, so it is serialized by hand.
     */
    public String proofWithPrivateJwk(String method, String url, String nonce) {
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("typ", "dpop+jwt");
            header.put("alg", "ES256");
            header.put("jwk", key.toJSONObject());
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(new JWTID().getValue()).claim("htm", method)
                    .claim("htu", url).issueTime(new Date());
            if (nonce != null) {
                claims.claim("nonce", nonce);
            }
            String input = Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "."
                    + Base64URL.encode(claims.build().toString());
            Base64URL signature = new ECDSASigner(key).sign(new JWSHeader(JWSAlgorithm.ES256),
                    input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
