package dev.cards.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProtectedResourceRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPTokenRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DefaultDPoPSingleUseChecker;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InvalidDPoPProofException;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;

import org.junit.jupiter.api.Test;

/** The proofs a worker makes, checked with Nimbus' verifiers, and its nonce bookkeeping. */
class DpopProverTest {

    private static final URI REFRESH = URI.create("http://localhost:8081/auth/refresh");
    private static final URI CARD = URI.create("http://localhost:8082/cards/c-1");
    private static final DPoPIssuer CLIENT = new DPoPIssuer("bench");

    private final DpopProver prover = DpopProver.generate();

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }

    private static DPoPTokenRequestVerifier tokenVerifier(URI endpoint) {
        return new DPoPTokenRequestVerifier(Set.of(JWSAlgorithm.ES256), endpoint, 60, new DefaultDPoPSingleUseChecker(60, 60));
    }

    @Test
    void aTokenRequestProofNamesTheMethodTheUrlAndTheLatestNonceWithAFreshJti() throws Exception {
        prover.observe(200, headers(Map.of("DPoP-Nonce", List.of("n-1"))), "{}");
        SignedJWT first = SignedJWT.parse(prover.proof("POST", REFRESH));
        SignedJWT second = SignedJWT.parse(prover.proof("POST", REFRESH));

        DPoPTokenRequestVerifier verifier = tokenVerifier(REFRESH);
        JWKThumbprintConfirmation bound = verifier.verify(CLIENT, first, new Nonce("n-1"));
        assertEquals(bound, verifier.verify(CLIENT, second, new Nonce("n-1")), "the same key");
        assertNotEquals(first.getJWTClaimsSet().getJWTID(), second.getJWTClaimsSet().getJWTID());
        assertEquals(JWKThumbprintConfirmation.of(prover.key().toPublicJWK()), bound);
        assertNull(first.getJWTClaimsSet().getClaim("ath"), "no access token, no ath");
        assertThrows(InvalidDPoPProofException.class, () -> tokenVerifier(REFRESH).verify(CLIENT, first, new Nonce("n-2")));
        assertThrows(InvalidDPoPProofException.class,
                () -> tokenVerifier(URI.create("http://localhost:8081/auth/login")).verify(CLIENT, first, new Nonce("n-1")));
    }

    @Test
    void aResourceProofCarriesTheAccessTokensHashAndNoNonceBeforeTheServerGivesOne() throws Exception {
        SignedJWT proof = SignedJWT.parse(prover.proof("GET", CARD, "access-1"));

        assertNull(proof.getJWTClaimsSet().getClaim("nonce"));
        JWKThumbprintConfirmation jkt = JWKThumbprintConfirmation.of(prover.key().toPublicJWK());
        DPoPProtectedResourceRequestVerifier verifier = new DPoPProtectedResourceRequestVerifier(Set.of(JWSAlgorithm.ES256), 60,
                new DefaultDPoPSingleUseChecker(60, 60));
        verifier.verify("GET", CARD, CLIENT, proof, new DPoPAccessToken("access-1"), jkt, null);
        SignedJWT another = SignedJWT.parse(prover.proof("GET", CARD, "access-1"));
        assertThrows(Exception.class, () -> verifier.verify("GET", CARD, CLIENT, another, new DPoPAccessToken("access-2"), jkt, null));
        assertThrows(Exception.class, () -> verifier.verify("PUT", CARD, CLIENT, another, new DPoPAccessToken("access-1"), jkt, null));
    }

    @Test
    void everyAnswerWithANonceReplacesTheLatestOneAndOnlyAUseDpopNonceRefusalAsksToSendAgain() {
        assertFalse(prover.observe(200, headers(Map.of("DPoP-Nonce", List.of("n-1"))), "{\"token_type\":\"DPoP\"}"));
        assertEquals("n-1", prover.nonce());

        assertTrue(prover.observe(400, headers(Map.of("DPoP-Nonce", List.of("n-2"))), "{\"error\": \"use_dpop_nonce\"}"));
        assertEquals("n-2", prover.nonce());

        assertFalse(prover.observe(400, headers(Map.of("DPoP-Nonce", List.of("n-3"))), "{\"error\":\"invalid_dpop_proof\"}"));
        assertEquals("n-3", prover.nonce(), "a refusal's nonce is the latest too");

        assertFalse(prover.observe(400, headers(Map.of()), "{\"error\":\"use_dpop_nonce\"}"), "no nonce to retry with");
        assertFalse(prover.observe(200, headers(Map.of()), "{}"));
        assertEquals("n-3", prover.nonce(), "an answer without one keeps it");
    }

    @Test
    void aResourceServersUseDpopNonceChallengeAsksToSendAgain() {
        assertTrue(prover.observe(401, headers(Map.of("DPoP-Nonce", List.of("r-1"), "WWW-Authenticate",
                List.of("Bearer error=\"invalid_token\"", "DPoP error=\"use_dpop_nonce\", algs=\"ES256\""))), ""));
        assertFalse(prover.observe(401, headers(Map.of("DPoP-Nonce", List.of("r-2"), "WWW-Authenticate",
                List.of("DPoP error=\"invalid_dpop_proof\", algs=\"ES256\""))), ""));
        assertFalse(prover.observe(200, headers(Map.of("DPoP-Nonce", List.of("r-3"), "WWW-Authenticate",
                List.of("DPoP error=\"use_dpop_nonce\""))), ""), "not a refusal");
    }

    @Test
    void atAnotherServerTheKeyIsTheSameAndNoNonceIsKnown() {
        prover.observe(200, headers(Map.of("DPoP-Nonce", List.of("auth-nonce"))), "{}");

        DpopProver atCards = prover.atAnotherServer();

        assertSame(prover.key(), atCards.key());
        assertNull(atCards.nonce());
        assertEquals("auth-nonce", prover.nonce());
    }
}
