package dev.cards.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;

import dev.cards.client.CardsClients;
import dev.cards.client.DPoPNonceCache;
import dev.cards.client.FileTokenStore;
import dev.cards.client.Session;
import dev.cards.client.cards.model.CardRequest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * DPoP against the real, packaged services (2-second access tokens): what the client does by default,
 * and what a token copied out of the session file, a log or a proxy is worth without its key.
 */
@QuarkusTest
class DPoPAgainstServicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> exchanges = new CopyOnWriteArrayList<>();
    private Services services;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        services = Services.get();
    }

    private CardsClients clients(Path sessionFile) {
        return CardsClients.builder().authUrl(services.auth.url()).cardsUrl(services.cards.url())
                .tokenStore(new FileTokenStore(sessionFile)).proactiveRefresh(false)
                .exchangeListener((client, method, uri, status, elapsed) -> exchanges.add(method + " " + uri.getPath() + " " + status))
                .build();
    }

    private Session signUpAndLogIn(CardsClients clients) {
        String email = "dpop-" + UUID.randomUUID() + "@example.com";
        char[] password = "e2e-password-123".toCharArray();
        clients.sessions().signup(email, password);
        return clients.sessions().login(email, password);
    }

    private static void waitForExpiry(Session session) throws InterruptedException {
        long millis = Duration.between(Instant.now(),
                session.accessExpiresAt().plusSeconds(Services.SERVER_SKEW_SECONDS).plusMillis(300)).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static String proof(ECKey key, String method, URI htu, String accessToken, String nonce) throws Exception {
        return new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256).createDPoPJWT(method, htu,
                accessToken == null ? null : new DPoPAccessToken(accessToken), nonce == null ? null : new Nonce(nonce))
                .serialize();
    }

    private static ECKey keyOf(Session session) throws Exception {
        return ECKey.parse(session.dpopKey().toJwk());
    }

    private HttpResponse<String> listCards(String authorization, String dpopProof) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.cards.url() + "/cards?page=0&size=5"))
                .header("Authorization", authorization).header("Accept", "application/json");
        if (dpopProof != null) {
            request.header("DPoP", dpopProof);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> refresh(String refreshToken, String dpopProof) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.auth.url() + "/auth/refresh"))
                .header("Content-Type", "application/json").header("Accept", "application/json, application/problem+json");
        if (dpopProof != null) {
            request.header("DPoP", dpopProof);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(
                JSON.writeValueAsString(JSON.createObjectNode().put("refresh_token", refreshToken)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void byDefaultTheSessionIsBoundAndTheLoginsNonceRoundIsTransparent() throws Exception {
        DPoPNonceCache.forgetAll(); // as a new process: earlier tests' clients were given the nonce already
        CardsClients clients = clients(dir.resolve("session.json"));

        Session session = signUpAndLogIn(clients);

        assertTrue(session.dpopBound());
        // The auth-service requires a nonce (RFC 9449 §8): the first login proof has none, and is answered 400.
        assertEquals(List.of("POST /auth/signup 201", "POST /auth/login 400", "POST /auth/login 200"),
                exchanges.stream().filter(e -> e.startsWith("POST")).toList());
        assertTrue(Files.readString(dir.resolve("session.json")).contains("\"dpop_key\""));
    }

    @Test
    void aBoundSessionWorksAcrossRefreshesWithTheSameKey() throws Exception {
        CardsClients clients = clients(dir.resolve("session.json"));
        Session first = signUpAndLogIn(clients);
        clients.cards().createCard(new CardRequest().question("q").answer("a"));

        waitForExpiry(first);
        assertEquals(1L, clients.cards().listCards(0, 20).getTotal());
        Session second = clients.sessions().current().orElseThrow();
        waitForExpiry(second);
        assertEquals(1L, clients.cards().listCards(0, 20).getTotal());
        Session third = clients.sessions().current().orElseThrow();

        assertNotEquals(first.accessToken(), second.accessToken());
        assertNotEquals(second.accessToken(), third.accessToken());
        assertEquals(first.dpopKey(), third.dpopKey());
        assertTrue(third.dpopBound());
        assertEquals(2, clients.retries());
        assertEquals(first.dpopKey(), new FileTokenStore(dir.resolve("session.json")).load().orElseThrow().dpopKey());
    }

    @Test
    void aStolenAccessTokenIsRefusedAsBearerAndWithAnotherKeysProof() throws Exception {
        Session session = signUpAndLogIn(clients(dir.resolve("session.json")));
        URI htu = URI.create(services.cards.url() + "/cards");
        String token = session.accessToken();

        // The control: the same request with the session's key passes, so each refusal below has one cause.
        assertEquals(200, listCards("DPoP " + token, proof(keyOf(session), "GET", htu, token, null)).statusCode());

        HttpResponse<String> asBearer = listCards("Bearer " + token, null);
        assertEquals(401, asBearer.statusCode(), asBearer.body());

        ECKey thief = new ECKeyGenerator(Curve.P_256).generate();
        HttpResponse<String> otherKey = listCards("DPoP " + token, proof(thief, "GET", htu, token, null));
        assertEquals(401, otherKey.statusCode(), otherKey.body());
        assertTrue(otherKey.headers().allValues("WWW-Authenticate").stream().anyMatch(h -> h.startsWith("DPoP")),
                otherKey.headers().map().toString());
    }

    @Test
    void aRefreshTokenReadFromTheSessionFileIsRefusedWithoutItsKeyAndTheSessionLivesOn() throws Exception {
        Path file = dir.resolve("session.json");
        CardsClients clients = clients(file);
        signUpAndLogIn(clients);
        JsonNode stored = JSON.readTree(Files.readString(file));
        String refreshToken = stored.get("refresh_token").asText();
        URI htu = URI.create(services.auth.url() + "/auth/refresh");

        HttpResponse<String> withoutProof = refresh(refreshToken, null);
        assertEquals(401, withoutProof.statusCode(), withoutProof.body());

        ECKey thief = new ECKeyGenerator(Curve.P_256).generate();
        HttpResponse<String> first = refresh(refreshToken, proof(thief, "POST", htu, null, null));
        String nonce = first.headers().firstValue("DPoP-Nonce").orElse(null);
        assertNotNull(nonce, "the auth-service hands out its nonce: " + first.statusCode() + " " + first.body());
        HttpResponse<String> otherKey = refresh(refreshToken, proof(thief, "POST", htu, null, nonce));
        assertEquals(401, otherKey.statusCode(), otherKey.body());

        // Neither attempt revoked nor rotated the session: its owner, with the key, refreshes.
        Session refreshed = clients.sessions().refresh();
        assertNotEquals(refreshToken, refreshed.refreshToken());
        assertEquals(200, listCards("DPoP " + refreshed.accessToken(), proof(keyOf(refreshed), "GET",
                URI.create(services.cards.url() + "/cards"), refreshed.accessToken(), null)).statusCode());
    }
}
