package dev.cards.http.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProofUse;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.util.singleuse.AlreadyUsedException;
import com.nimbusds.oauth2.sdk.util.singleuse.SingleUseChecker;
import com.nimbusds.openid.connect.sdk.Nonce;

/** The settings' edge values as the verifier applies them, and the nonce rules, without a server. */
class DpopProofsTest {

    private static final RequestTarget TARGET = new RequestTarget("POST", "auth.example", "/oauth2/token");
    private static final String URL = "https://auth.example/oauth2/token";

    private final ECKey key = generate();
    private final Set<String> used = new HashSet<>();
    private final SingleUseChecker<DPoPProofUse> replay = use -> {
        if (!used.add(use.getIssuer().getValue() + " " + use.getJWTID().getValue())) {
            throw new AlreadyUsedException("used");
        }
    };

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String proof(long iatOffsetMillis, String nonce) throws Exception {
        return new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256).createDPoPJWT(new JWTID(), "POST", URI.create(URL),
                new Date(System.currentTimeMillis() + iatOffsetMillis), null, nonce == null ? null : new Nonce(nonce)).serialize();
    }

    private DpopProofs proofs(Duration maxAge, Duration skew) {
        return new DpopProofs(new DpopSettings(List.of("ES256"), maxAge, skew), replay);
    }

    @Test
    void withNoSkewAProofFromTheFutureIsRefusedAndOneFromNowAccepted() throws Exception {
        DpopProofs strict = proofs(Duration.ofSeconds(60), Duration.ZERO);
        assertThrows(DpopException.class, () -> strict.forTokenRequest(TARGET, List.of(proof(3_000, null))));
        assertEquals(key.computeThumbprint().toString(), strict.forTokenRequest(TARGET, List.of(proof(-1_000, null))).jkt());
    }

    @Test
    void withTheSmallestMaxAgeAProofOfTwoSecondsAgoIsRefused() throws Exception {
        DpopProofs strict = proofs(Duration.ofSeconds(1), Duration.ZERO);
        assertThrows(DpopException.class, () -> strict.forTokenRequest(TARGET, List.of(proof(-2_500, null))));
    }

    @Test
    void aProofIsAcceptedOnceAndNoHeaderIsNoProof() throws Exception {
        DpopProofs proofs = proofs(Duration.ofSeconds(60), Duration.ofSeconds(10));
        String proof = proof(0, null);
        proofs.forTokenRequest(TARGET, List.of(proof));
        assertEquals(DpopException.INVALID_PROOF,
                assertThrows(DpopException.class, () -> proofs.forTokenRequest(TARGET, List.of(proof))).error());
        assertNull(proofs.forTokenRequest(TARGET, List.of()));
    }

    @Test
    void withNoncesRequiredAProofWithoutOneOrWithAStaleOneIsAskedForTheCurrentOne() throws Exception {
        DpopNonces nonces = new DpopNonces(new byte[32], Duration.ofMinutes(5), Clock.systemUTC());
        DpopProofs proofs = new DpopProofs(new DpopSettings(List.of("ES256"), Duration.ofSeconds(60), Duration.ofSeconds(10)),
                replay, nonces, true);
        assertEquals(DpopException.USE_NONCE,
                assertThrows(DpopException.class, () -> proofs.forTokenRequest(TARGET, List.of(proof(0, null)))).error());
        assertEquals(DpopException.USE_NONCE, assertThrows(DpopException.class,
                () -> proofs.forTokenRequest(TARGET, List.of(proof(0, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")))).error());
        assertEquals(nonces.current(), proofs.forTokenRequest(TARGET, List.of(proof(0, nonces.current()))).nonce());
    }

    @Test
    void withNoncesNotRequiredAProofWithoutOneIsAcceptedButAStaleOneIsNot() throws Exception {
        DpopNonces nonces = new DpopNonces(new byte[32], Duration.ofMinutes(5), Clock.systemUTC());
        DpopProofs proofs = new DpopProofs(new DpopSettings(List.of("ES256"), Duration.ofSeconds(60), Duration.ofSeconds(10)),
                replay, nonces, false);
        assertNull(proofs.forTokenRequest(TARGET, List.of(proof(0, null))).nonce());
        assertThrows(DpopException.class, () -> proofs.forTokenRequest(TARGET, List.of(proof(0, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))));
    }

    @Test
    void anAlgorithmOutsideTheAllowListIsRefused() throws Exception {
        DpopProofs rsaOnly = new DpopProofs(new DpopSettings(List.of("RS256"), Duration.ofSeconds(60), Duration.ofSeconds(10)),
                replay);
        assertThrows(DpopException.class, () -> rsaOnly.forTokenRequest(TARGET, List.of(proof(0, null))));
    }

    @Test
    void aResourceProofMustHashTheTokenItComesWith() throws Exception {
        DpopProofs proofs = proofs(Duration.ofSeconds(60), Duration.ofSeconds(10));
        String jkt = key.computeThumbprint().toString();
        RequestTarget cards = new RequestTarget("GET", "cards.example", "/cards");
        String proof = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256)
                .createDPoPJWT("GET", URI.create("https://cards.example/cards"), new DPoPAccessToken("token-a")).serialize();
        assertThrows(DpopException.class, () -> proofs.forResource(cards, List.of(proof), "token-b", jkt));
        String another = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256)
                .createDPoPJWT("GET", URI.create("https://cards.example/cards"), new DPoPAccessToken("token-a")).serialize();
        assertEquals(jkt, proofs.forResource(cards, List.of(another), "token-a", jkt).jkt());
    }
}
