package dev.cards.client;

import java.net.URI;
import java.text.ParseException;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;

/**
 * The key pair a session proves possession of (RFC 9449): P-256, proofs signed ES256. A new one is
 * made at each login; its private part is as secret as the refresh token, and is stored with it
 * ({@link #toJwk()}). {@link #toString()} shows the thumbprint only.
 */
public final class DPoPKey {

    private final ECKey key;
    private final String thumbprint;
    private final DefaultDPoPProofFactory proofs;

    private DPoPKey(ECKey key) {
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("a DPoP key needs its private part");
        }
        this.key = key;
        try {
            this.thumbprint = key.computeThumbprint().toString();
            this.proofs = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable DPoP key: " + e.getMessage(), e);
        }
    }

    /** A fresh P-256 key pair. */
    public static DPoPKey generate() {
        try {
            return new DPoPKey(new ECKeyGenerator(Curve.P_256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    /** The key a store saved with {@link #toJwk()}. */
    public static DPoPKey fromJwk(Map<String, Object> jwk) {
        try {
            return new DPoPKey(ECKey.parse(jwk));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not an EC private JWK: " + e.getMessage(), e);
        }
    }

    /** The private JWK (RFC 7517) as JSON members, for a {@link TokenStore}: keep it like the refresh token. */
    public Map<String, Object> toJwk() {
        return key.toJSONObject();
    }

    /** RFC 7638 SHA-256 thumbprint of the public key: the {@code cnf.jkt} of the tokens bound to it. */
    public String thumbprint() {
        return thumbprint;
    }

    /**
     * A proof (RFC 9449 §4.2) for one request: fresh {@code jti}, {@code iat} now, {@code htm},
     * {@code htu} without query and fragment, {@code ath} when an access token goes with it (§4.2,
     * §7.1) and the server's {@code nonce} when it gave one (§8, §9).
     */
    String proof(String method, URI uri, String accessToken, String nonce) {
        try {
            return proofs.createDPoPJWT(method.toUpperCase(java.util.Locale.ROOT), htu(uri),
                    accessToken == null ? null : new DPoPAccessToken(accessToken),
                    nonce == null ? null : new Nonce(nonce)).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a DPoP proof", e);
        }
    }

    /** The request URI without query and fragment (RFC 9449 §4.2, {@code htu}). */
    static URI htu(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + Objects.requireNonNullElse(uri.getRawPath(), ""));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DPoPKey k && k.thumbprint.equals(thumbprint);
    }

    @Override
    public int hashCode() {
        return thumbprint.hashCode();
    }

    @Override
    public String toString() {
        return "DPoPKey[jkt=" + thumbprint + "]"; // never the private part
    }
}
