package dev.cards.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProtectedResourceRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPTokenRequestVerifier;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;

/** Checks the proofs a stand-in service received with Nimbus's own verifiers, as the real services do. */
final class DPoPProofs {

    private static final Set<JWSAlgorithm> ALGS = Set.of(JWSAlgorithm.ES256);
    private static final DPoPIssuer CLIENT = new DPoPIssuer(new ClientID("cards-client"));

    private DPoPProofs() {
    }

    static SignedJWT proofOf(LoggedRequest request) throws Exception {
        List<String> headers = request.header("DPoP").values();
        assertEquals(1, headers.size(), "exactly one DPoP header");
        return SignedJWT.parse(headers.get(0));
    }

    /**
     * A resource request's proof: signature by {@code key}, typ, htm, htu (no query), iat, ath of
     * {@code accessToken} and {@code nonce} (null: none); returns the jti.
     */
    static String verifyResourceProof(LoggedRequest request, URI htu, DPoPKey key, String accessToken, String nonce)
            throws Exception {
        SignedJWT proof = proofOf(request);
        new DPoPProtectedResourceRequestVerifier(ALGS, 60, null).verify(request.getMethod().getName(), htu, CLIENT, proof,
                new DPoPAccessToken(accessToken), new JWKThumbprintConfirmation(new com.nimbusds.jose.util.Base64URL(key.thumbprint())),
                nonce == null ? null : new Nonce(nonce));
        assertNonce(proof, nonce);
        return jti(proof);
    }

    /** A token request's proof (login, refresh): no ath; returns the jti, and checks the key's thumbprint. */
    static String verifyTokenProof(LoggedRequest request, URI htu, DPoPKey key, String nonce) throws Exception {
        SignedJWT proof = proofOf(request);
        JWKThumbprintConfirmation cnf = new DPoPTokenRequestVerifier(ALGS, htu, 60, null).verify(CLIENT, proof,
                nonce == null ? null : new Nonce(nonce));
        if (key != null) {
            assertEquals(key.thumbprint(), cnf.getValue().toString());
        }
        assertNull(proof.getJWTClaimsSet().getClaim("ath"), "no ath on a token request");
        assertNonce(proof, nonce);
        return jti(proof);
    }

    static String thumbprintOf(LoggedRequest request) throws Exception {
        return proofOf(request).getHeader().getJWK().computeThumbprint().toString();
    }

    private static void assertNonce(SignedJWT proof, String nonce) throws Exception {
        assertEquals(nonce, proof.getJWTClaimsSet().getStringClaim("nonce"));
    }

    private static String jti(SignedJWT proof) throws Exception {
        String jti = proof.getJWTClaimsSet().getJWTID();
        assertNotNull(jti);
        return jti;
    }
}
