package dev.cards.http.dpop;

import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.AccessTokenValidationException;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProofUse;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProtectedResourceRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPTokenRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InvalidDPoPProofException;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.util.singleuse.SingleUseChecker;
import com.nimbusds.openid.connect.sdk.Nonce;

/**
 * Checks DPoP proofs (RFC 9449 §4.3) with Nimbus' verifiers: one proof, `typ: dpop+jwt`, an
 * allowed asymmetric algorithm, a public `jwk` that verifies the signature, `htm` and `htu` of this
 * request, `iat` in the window, a `jti` never seen before, and for resource requests `ath` of the
 * presented token and the key the token is bound to. With {@link DpopNonces}, a nonce in a proof
 * must be one of this service's fresh ones, and token requests must carry one when nonces are
 * required (§8); a proof whose nonce fails is refused before its jti is spent.
 * Every refusal says which check failed, never echoing the proof.
 */
public class DpopProofs {

    /** Larger than any proof with an RSA-4096 key; a header past it is not parsed at all. */
    static final int MAX_PROOF_LENGTH = 8192;

    private final DpopSettings settings;
    private final Set<JWSAlgorithm> algorithms;
    private final SingleUseChecker<DPoPProofUse> replay;
    private final DPoPProtectedResourceRequestVerifier resourceVerifier;
    private final DpopNonces nonces;
    private final boolean nonceRequired;

    /** A service that hands out no nonces: a proof's nonce, if any, is taken as the client sent it. */
    public DpopProofs(DpopSettings settings, SingleUseChecker<DPoPProofUse> replay) {
        this(settings, replay, null, false);
    }

    /**
     * @param nonces this service's nonces
     * @param nonceRequired whether a token request's proof must carry one (§8)
     */
    public DpopProofs(DpopSettings settings, SingleUseChecker<DPoPProofUse> replay, DpopNonces nonces, boolean nonceRequired) {
        this.nonces = nonces;
        this.nonceRequired = nonceRequired;
        this.settings = settings;
        this.algorithms = settings.jwsAlgorithms();
        this.replay = replay;
        this.resourceVerifier = new DPoPProtectedResourceRequestVerifier(algorithms, settings.clockSkew().toSeconds(),
                settings.maxAge().toSeconds(), replay);
    }

    public DpopSettings settings() {
        return settings;
    }

    /**
     * The proof of a token request (§5), or null when the request carries none.
     *
     * @param proofs every value of the request's `DPoP` header
     */
    public VerifiedProof forTokenRequest(RequestTarget target, List<String> proofs) {
        SignedJWT proof = single(proofs);
        if (proof == null) {
            return null;
        }
        String jkt = thumbprintOf(proof);
        URI htu = htuOf(proof, target);
        var verifier = new DPoPTokenRequestVerifier(algorithms, htu, settings.clockSkew().toSeconds(),
                settings.maxAge().toSeconds(), replay);
        if (!target.method().equalsIgnoreCase(claim(proof, "htm"))) {
            throw DpopException.invalidProof("The proof's htm is not this request's method");
        }
        Nonce nonce = nonceOf(proof, nonceRequired);
        try {
            verifier.verify(new DPoPIssuer(jkt), proof, nonce);
        } catch (InvalidDPoPProofException e) {
            throw DpopException.invalidProof(describe(e));
        } catch (JOSEException e) {
            throw DpopException.invalidProof("The proof's signature could not be checked");
        }
        return new VerifiedProof(jkt, nonce == null ? null : nonce.getValue());
    }

    /** The current nonce, for the `DPoP-Nonce` header; null when this service issues none. */
    public String currentNonce() {
        return nonces == null ? null : nonces.current();
    }

    /**
     * The proof of a request with an access token bound to the key {@code boundJkt} (§7.1).
     *
     * @param proofs every value of the request's `DPoP` header; none is a refusal
     */
    public VerifiedProof forResource(RequestTarget target, List<String> proofs, String accessToken, String boundJkt) {
        SignedJWT proof = single(proofs);
        if (proof == null) {
            throw DpopException.invalidProof("A DPoP proof is required with a DPoP-bound access token");
        }
        String jkt = thumbprintOf(proof);
        URI htu = htuOf(proof, target);
        Nonce nonce = nonceOf(proof, false);
        try {
            resourceVerifier.verify(target.method(), htu, new DPoPIssuer(jkt), proof, new DPoPAccessToken(accessToken),
                    new JWKThumbprintConfirmation(new Base64URL(boundJkt)), nonce);
        } catch (InvalidDPoPProofException e) {
            throw DpopException.invalidProof(describe(e));
        } catch (AccessTokenValidationException e) {
            // Its `ath` is another token's, or its key is not the one the token is bound to: the message says which.
            throw DpopException.invalidProof(describe(e));
        } catch (JOSEException e) {
            throw DpopException.invalidProof("The proof's signature could not be checked");
        }
        return new VerifiedProof(jkt, nonce == null ? null : nonce.getValue());
    }

    /**
     * The proof's nonce if acceptable, for the library to compare with (it refuses a nonce it was not
     * told to expect): with nonces of our own, one of them and fresh (§8); without, whatever it is.
     */
    private Nonce nonceOf(SignedJWT proof, boolean required) {
        String nonce = claim(proof, "nonce");
        if (nonces != null) {
            if (nonce == null && required) {
                throw DpopException.useNonce("A DPoP nonce is required; use the DPoP-Nonce header's");
            }
            if (nonce != null && !nonces.isFresh(nonce)) {
                throw DpopException.useNonce("The DPoP nonce is stale; use the DPoP-Nonce header's");
            }
        }
        return nonce == null || nonce.isEmpty() ? null : new Nonce(nonce);
    }

    /** §4.3 item 1: exactly one `DPoP` header, a JWS. */
    private static SignedJWT single(List<String> proofs) {
        if (proofs == null || proofs.isEmpty()) {
            return null;
        }
        if (proofs.size() > 1) {
            throw DpopException.invalidProof("The request carries more than one DPoP header");
        }
        String value = proofs.get(0).strip();
        if (value.isEmpty() || value.length() > MAX_PROOF_LENGTH) {
            throw DpopException.invalidProof("The DPoP header is empty or too long");
        }
        try {
            return SignedJWT.parse(value);
        } catch (ParseException e) {
            throw DpopException.invalidProof("The DPoP header is not a signed JWT");
        }
    }

    /**
     * §4.2: the header's `jwk` is the public key; a private key in it is refused (§4.3 item 7). Nimbus
     * already refuses to parse such a header; this stays for any parser that would not.
     */
    private static String thumbprintOf(SignedJWT proof) {
        JWK jwk = proof.getHeader().getJWK();
        if (jwk == null) {
            throw DpopException.invalidProof("The proof has no jwk header");
        }
        if (jwk.isPrivate()) {
            throw DpopException.invalidProof("The proof's jwk holds a private key");
        }
        try {
            return jwk.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw DpopException.invalidProof("The proof's jwk has no thumbprint");
        }
    }

    private static URI htuOf(SignedJWT proof, RequestTarget target) {
        URI htu = target.matching(claim(proof, "htu"));
        if (htu == null) {
            throw DpopException.invalidProof("The proof's htu is not this request's URL");
        }
        return htu;
    }

    private static String claim(SignedJWT proof, String name) {
        try {
            Object value = proof.getJWTClaimsSet().getClaim(name);
            return value instanceof String s ? s : null;
        } catch (ParseException e) {
            throw DpopException.invalidProof("The proof's claims are not a JSON object");
        }
    }

    /** Nimbus' message names the failed check (age, jti used, htm, ...); it never contains the proof. */
    private static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null) {
            return "The DPoP proof is invalid";
        }
        // Nimbus quotes the jti in its replay message; a client learns nothing from its own value.
        return "The DPoP proof is invalid: " + (message.length() > 200 ? message.substring(0, 200) : message);
    }
}
