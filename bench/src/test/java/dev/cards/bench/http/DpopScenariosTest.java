package dev.cards.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProtectedResourceRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPTokenRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DefaultDPoPSingleUseChecker;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The -dpop scenarios against a stand-in for the three servers (JDK HttpServer on a free port)
 * that checks every proof with Nimbus' verifiers the way the servers do: htm, htu, ath, the
 * latest nonce, a jti never seen, one key per session. The stand-in hands out a new nonce on every
 * answer, so a proof passes only with the latest one; the first token request gets
 * use_dpop_nonce, as our auth-service and Keycloak answer a proof without a nonce.
 */
class DpopScenariosTest {

    private static final DPoPIssuer CLIENT = new DPoPIssuer("bench");

    private HttpServer server;
    private String base;
    private final AtomicInteger nonces = new AtomicInteger();
    private volatile String nonce = "n-0";
    private final Set<String> jtis = Collections.synchronizedSet(new HashSet<>());
    private final List<String> paths = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private volatile JWKThumbprintConfirmation boundKey;
    private volatile String refreshToken = "none";
    private final DefaultDPoPSingleUseChecker usedJtis = new DefaultDPoPSingleUseChecker(60, 60);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/auth/", e -> tokenEndpoint(e, "r-"));
        server.createContext("/realms/bench/protocol/openid-connect/token", e -> tokenEndpoint(e, "kc-"));
        server.createContext("/cards", this::resource);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        usedJtis.shutdown();
    }

    /** A token request: the latest nonce or use_dpop_nonce; then a valid proof by the session's key. */
    private void tokenEndpoint(HttpExchange e, String tokenPrefix) throws IOException {
        String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            SignedJWT proof = SignedJWT.parse(e.getRequestHeaders().getFirst("DPoP"));
            paths.add(e.getRequestURI().getPath() + " " + proof.getJWTClaimsSet().getClaim("nonce"));
            if (!nonce.equals(proof.getJWTClaimsSet().getClaim("nonce"))) {
                answer(e, 400, "{\"error\":\"use_dpop_nonce\"}", true);
                return;
            }
            JWKThumbprintConfirmation key = new DPoPTokenRequestVerifier(Set.of(JWSAlgorithm.ES256),
                    URI.create(base + e.getRequestURI().getPath()), 60, usedJtis)
                    .verify(CLIENT, proof, new Nonce(nonce));
            fresh(proof);
            if (boundKey != null && !boundKey.equals(key)) {
                throw new IllegalStateException("another key than the session's");
            }
            boundKey = key;
            if (body.contains("refresh_token") && !body.endsWith(refreshToken) && !body.contains(refreshToken + "\"")) {
                throw new IllegalStateException("not the latest refresh token of this session");
            }
            refreshToken = tokenPrefix + nonces.get();
            answer(e, 200, "{\"access_token\":\"access-1\",\"refresh_token\":\"" + refreshToken + "\",\"token_type\":\"DPoP\"}", true);
        } catch (Exception x) {
            failures.add(e.getRequestURI() + ": " + x);
            answer(e, 400, "{\"error\":\"invalid_dpop_proof\"}", true);
        }
    }

    /** A card call: DPoP scheme, a proof with ath of that token by the bound key, no nonce (none handed out). */
    private void resource(HttpExchange e) throws IOException {
        e.getRequestBody().readAllBytes();
        try {
            String authorization = e.getRequestHeaders().getFirst("Authorization");
            if (!authorization.startsWith("DPoP ")) {
                throw new IllegalStateException("not the DPoP scheme");
            }
            SignedJWT proof = SignedJWT.parse(e.getRequestHeaders().getFirst("DPoP"));
            paths.add(e.getRequestMethod() + " " + e.getRequestURI().getPath() + " " + proof.getJWTClaimsSet().getClaim("nonce"));
            new DPoPProtectedResourceRequestVerifier(Set.of(JWSAlgorithm.ES256), 60, usedJtis)
                    .verify(e.getRequestMethod(), URI.create(base + e.getRequestURI().getPath()), CLIENT, proof,
                            new DPoPAccessToken(authorization.substring(5)), boundKey, null);
            fresh(proof);
            boolean create = e.getRequestMethod().equals("POST");
            answer(e, create ? 201 : 200, "{\"id\":\"c-1\"}", false);
        } catch (Exception x) {
            failures.add(e.getRequestURI() + ": " + x);
            answer(e, 401, "{}", false);
        }
    }

    private void fresh(SignedJWT proof) throws Exception {
        if (!jtis.add(proof.getJWTClaimsSet().getJWTID())) {
            throw new IllegalStateException("a jti seen before");
        }
    }

    private void answer(HttpExchange e, int status, String json, boolean withNonce) throws IOException {
        if (withNonce) {
            nonce = "n-" + nonces.incrementAndGet();
            e.getResponseHeaders().add("DPoP-Nonce", nonce);
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        e.sendResponseHeaders(status, bytes.length);
        e.getResponseBody().write(bytes);
        e.close();
    }

    private HttpScenarios.Step worker(Scenario scenario) throws Exception {
        return new HttpScenarios(base, base, base, 1).worker(scenario, 0);
    }

    @Test
    void refreshDpopLogsInWithTheNonceRoundThenRefreshesWithTheLatestNonceAndTheSameKey() throws Exception {
        HttpScenarios.Step step = worker(Scenario.REFRESH_DPOP);
        step.run();
        step.run();

        assertEquals(List.of(), failures);
        assertEquals(List.of("/auth/login null", "/auth/login n-1", "/auth/refresh n-2", "/auth/refresh n-3"), paths);
    }

    @Test
    void aNonceThatChangesMidRunIsFetchedAndTheRefreshSentAgainWithinTheStep() throws Exception {
        HttpScenarios.Step step = worker(Scenario.REFRESH_DPOP);
        nonce = "rotated";

        step.run();

        assertEquals(List.of(), failures);
        assertEquals(List.of("/auth/login null", "/auth/login n-1", "/auth/refresh n-2", "/auth/refresh n-3"), paths);
    }

    @Test
    void cardsReadDpopSendsTheTokenAsDpopWithAProofOfItsHashAndNoNonceOfTheAuthService() throws Exception {
        HttpScenarios.Step step = worker(Scenario.CARDS_READ_DPOP);
        step.run();
        step.run();

        assertEquals(List.of(), failures);
        assertEquals(List.of("/auth/login null", "/auth/login n-1", "POST /cards null", "GET /cards/c-1 null",
                "GET /cards/c-1 null"), paths);
    }

    @Test
    void kcRefreshDpopUsesTheDpopClientAndAnswersKeycloaksNonceRequestGenerically() throws Exception {
        HttpScenarios.Step step = worker(Scenario.KC_REFRESH_DPOP);
        step.run();

        assertEquals(List.of(), failures);
        String token = "/realms/bench/protocol/openid-connect/token";
        assertEquals(List.of(token + " null", token + " n-1", token + " n-2"), paths);
    }

    @Test
    void aServerThatDoesNotBindTheTokenFailsTheSetUp() {
        assertThrows(IllegalStateException.class, () -> HttpScenarios.bound("{\"access_token\":\"a\",\"token_type\":\"Bearer\"}"));
        assertTrue(HttpScenarios.bound("{\"token_type\": \"DPoP\"}").contains("DPoP"));
    }
}
