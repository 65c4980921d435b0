package dev.cards.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.cards.client.DPoPProofs.verifyResourceProof;
import static dev.cards.client.DPoPProofs.verifyTokenProof;
import static dev.cards.client.WireMockServices.EMPTY_PAGE;
import static dev.cards.client.WireMockServices.dpopTokens;
import static dev.cards.client.WireMockServices.expiredToken;
import static dev.cards.client.WireMockServices.json;
import static dev.cards.client.WireMockServices.resourceUseDPoPNonce;
import static dev.cards.client.WireMockServices.useDPoPNonce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.cards.client.error.AccessTokenRejectedException;
import dev.cards.client.error.InvalidInputException;
import io.quarkus.test.junit.QuarkusTest;

/** DPoP (RFC 9449) through the built clients, against WireMock; every proof checked with Nimbus's verifiers. */
@QuarkusTest
class DPoPClientTest {

    private static final char[] PASSWORD = "correct horse".toCharArray();
    private final WireMockServices services = new WireMockServices();

    @AfterEach
    void stop() {
        services.close();
    }

    private URI at(String path) {
        return URI.create(services.server.baseUrl() + path);
    }

    private List<LoggedRequest> gets(String path) {
        return services.server.findAll(getRequestedFor(urlPathEqualTo(path)));
    }

    private List<LoggedRequest> posts(String path) {
        return services.server.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private void cardsAnswerDPoP(String access, ResponseDefinitionBuilder response) {
        services.server.stubFor(get(urlPathEqualTo("/cards")).withHeader("Authorization", equalTo("DPoP " + access))
                .willReturn(response));
    }

    /** The first request gets {@code first}, every later one {@code then}. */
    private void loginAnswers(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        services.server.stubFor(post(urlEqualTo("/auth/login")).inScenario("login").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("answered"));
        services.server.stubFor(post(urlEqualTo("/auth/login")).inScenario("login").whenScenarioStateIs("answered")
                .willReturn(then));
    }

    private void refreshAnswers(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        services.server.stubFor(post(urlEqualTo("/auth/refresh")).inScenario("refresh").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("answered"));
        services.server.stubFor(post(urlEqualTo("/auth/refresh")).inScenario("refresh").whenScenarioStateIs("answered")
                .willReturn(then));
    }

    @Test
    void everyResourceCallCarriesAFreshProofOfTheSessionKeyWithAth() throws Exception {
        DPoPKey key = services.signedInWithDPoP("access-0", "refresh-0");
        cardsAnswerDPoP("access-0", json(200, EMPTY_PAGE));
        CardsClients clients = services.clients().build();

        clients.cards().listCards(0, 20);
        clients.cards().listCards(1, 20);

        List<LoggedRequest> calls = gets("/cards");
        assertEquals(2, calls.size());
        // htu is the URL called without its query (RFC 9449 §4.2); the verifier checks htm, htu, iat, ath and the key.
        String first = verifyResourceProof(calls.get(0), at("/cards"), key, "access-0", null);
        String second = verifyResourceProof(calls.get(1), at("/cards"), key, "access-0", null);
        assertNotEquals(first, second, "a fresh jti on every request");
        assertEquals("DPoP access-0", calls.get(0).getHeader("Authorization"));
    }

    @Test
    void loginWithDPoPAdvertisedBindsTheSessionToANewKeyAfterOneTransparentNonceRound() throws Exception {
        services.metadata(true);
        loginAnswers(useDPoPNonce("nonce-1"), dpopTokens("access-0", "refresh-0").withHeader("DPoP-Nonce", "nonce-2"));
        CardsClients clients = services.clients().build();

        Session session = clients.sessions().login("ada@example.com", PASSWORD);

        assertTrue(session.dpopBound());
        List<LoggedRequest> logins = posts("/auth/login");
        assertEquals(2, logins.size());
        verifyTokenProof(logins.get(0), at("/auth/login"), session.dpopKey(), null);
        verifyTokenProof(logins.get(1), at("/auth/login"), session.dpopKey(), "nonce-1");
        assertEquals(session, services.store.load().orElseThrow());
        assertEquals(session.dpopKey(), services.store.load().orElseThrow().dpopKey());
    }

    @Test
    void eachLoginMakesANewKey() throws Exception {
        services.metadata(true);
        services.server.stubFor(post(urlEqualTo("/auth/login")).willReturn(dpopTokens("access-0", "refresh-0")));
        CardsClients clients = services.clients().build();

        DPoPKey first = clients.sessions().login("ada@example.com", PASSWORD).dpopKey();
        DPoPKey second = clients.sessions().login("ada@example.com", PASSWORD).dpopKey();

        assertNotEquals(first, second);
        services.server.verify(1, getRequestedFor(urlEqualTo("/.well-known/oauth-authorization-server")));
    }

    @Test
    void aNonceChallengeIsAnsweredOnceAndNotTwice() throws Exception {
        DPoPKey key = services.signedInWithDPoP("access-0", "refresh-0");
        cardsAnswerDPoP("access-0", resourceUseDPoPNonce("nonce-c"));
        CardsClients clients = services.clients().build();

        AccessTokenRejectedException rejected = assertThrows(AccessTokenRejectedException.class,
                () -> clients.cards().listCards(0, 20));

        assertFalse(rejected.invalidToken());
        List<LoggedRequest> calls = gets("/cards");
        assertEquals(2, calls.size(), "the call and one retry with the nonce");
        verifyResourceProof(calls.get(1), at("/cards"), key, "access-0", "nonce-c");
        services.server.verify(0, postRequestedFor(urlEqualTo("/auth/refresh")));
    }

    @Test
    void aNonceChallengeOfTheAuthServiceTwiceFailsTheLoginAsABadRequest() {
        services.metadata(true);
        services.server.stubFor(post(urlEqualTo("/auth/login")).willReturn(useDPoPNonce("nonce-x")));
        CardsClients clients = services.clients().build();

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> clients.sessions().login("ada@example.com", PASSWORD));

        assertEquals("use_dpop_nonce", e.problem().error());
        services.server.verify(2, postRequestedFor(urlEqualTo("/auth/login")));
        assertTrue(services.store.load().isEmpty());
    }

    @Test
    void uniCallsAnswerTheNonceChallengeToo() throws Exception {
        DPoPKey key = services.signedInWithDPoP("access-0", "refresh-0");
        services.server.stubFor(get(urlPathEqualTo("/cards")).inScenario("cards").whenScenarioStateIs(STARTED)
                .willReturn(resourceUseDPoPNonce("nonce-u")).willSetStateTo("answered"));
        services.server.stubFor(get(urlPathEqualTo("/cards")).inScenario("cards").whenScenarioStateIs("answered")
                .willReturn(json(200, EMPTY_PAGE)));
        CardsClients clients = services.clients().build();

        var page = clients.cardsUni().listCards(0, 20).await().atMost(Duration.ofSeconds(10));

        assertEquals(20, page.getSize());
        List<LoggedRequest> calls = gets("/cards");
        assertEquals(2, calls.size());
        verifyResourceProof(calls.get(1), at("/cards"), key, "access-0", "nonce-u");
    }

    @Test
    void aRefreshKeepsTheKeyAndHasItsOwnNonceRoundInside() throws Exception {
        DPoPKey key = services.signedInWithDPoP("access-0", "refresh-0");
        cardsAnswerDPoP("access-0", expiredToken());
        cardsAnswerDPoP("access-1", json(200, EMPTY_PAGE));
        refreshAnswers(useDPoPNonce("nonce-r"), dpopTokens("access-1", "refresh-1"));
        CardsClients clients = services.clients().build();

        clients.cards().listCards(0, 20);

        List<LoggedRequest> refreshes = posts("/auth/refresh");
        assertEquals(2, refreshes.size(), "one refresh, with its nonce round");
        verifyTokenProof(refreshes.get(0), at("/auth/refresh"), key, null);
        verifyTokenProof(refreshes.get(1), at("/auth/refresh"), key, "nonce-r");
        assertEquals(1, clients.retries());
        assertEquals(key, services.store.load().orElseThrow().dpopKey());
        List<LoggedRequest> calls = gets("/cards");
        assertEquals(2, calls.size());
        // One WireMock is both services here, one origin: the refresh's nonce goes with the retry too.
        verifyResourceProof(calls.get(1), at("/cards"), key, "access-1", "nonce-r");
    }

    @Test
    void parallelCallsOfABoundSessionShareOneRefreshAndAllProveTheSameKey() throws Exception {
        DPoPKey key = services.signedInWithDPoP("access-0", "refresh-0");
        cardsAnswerDPoP("access-0", expiredToken());
        cardsAnswerDPoP("access-1", json(200, EMPTY_PAGE));
        services.server.stubFor(post(urlEqualTo("/auth/refresh")).willReturn(dpopTokens("access-1", "refresh-1").withFixedDelay(300)));
        CardsClients clients = services.clients().build();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> clients.cards().listCards(0, 20), pool));
            }
            for (CompletableFuture<Object> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        services.server.verify(1, postRequestedFor(urlEqualTo("/auth/refresh")));
        Set<String> jtis = new HashSet<>();
        for (LoggedRequest call : services.server.findAll(getRequestedFor(urlPathEqualTo("/cards"))
                .withHeader("Authorization", equalTo("DPoP access-1")))) {
            jtis.add(verifyResourceProof(call, at("/cards"), key, "access-1", null));
        }
        assertEquals(16, jtis.size(), "16 retries, each with its own proof");
    }

    @Test
    void aLogoutAnswersTheNonceChallengeSoTheSessionIsRevokedOnTheServer() throws Exception {
        DPoPKey key = services.signedInWithDPoP("access-0", "refresh-0");
        services.server.stubFor(post(urlEqualTo("/auth/logout")).inScenario("logout").whenScenarioStateIs(STARTED)
                .willReturn(useDPoPNonce("nonce-l")).willSetStateTo("answered"));
        services.server.stubFor(post(urlEqualTo("/auth/logout")).inScenario("logout").whenScenarioStateIs("answered")
                .willReturn(aResponse().withStatus(204)));
        CardsClients clients = services.clients().build();

        clients.sessions().logout();

        List<LoggedRequest> logouts = posts("/auth/logout");
        assertEquals(2, logouts.size());
        verifyTokenProof(logouts.get(1), at("/auth/logout"), key, "nonce-l");
        assertTrue(services.store.load().isEmpty());
    }

    @Test
    void clientsOfOneProcessShareTheNonceAServerGave() throws Exception {
        DPoPKey key = services.signedInWithDPoP("access-0", "refresh-0");
        cardsAnswerDPoP("access-0", json(200, EMPTY_PAGE).withHeader("DPoP-Nonce", "nonce-s"));
        services.clients().build().cards().listCards(0, 20);

        services.clients().proactiveRefresh(false).build().cards().listCards(0, 20);

        verifyResourceProof(gets("/cards").get(1), at("/cards"), key, "access-0", "nonce-s");
    }

    @Test
    void noncesAreKeptPerServerOrigin() throws Exception {
        try (WireMockServices cards = new WireMockServices()) {
            services.metadata(true);
            services.server.stubFor(post(urlEqualTo("/auth/login"))
                    .willReturn(dpopTokens("access-0", "refresh-0").withHeader("DPoP-Nonce", "auth-nonce")));
            services.server.stubFor(post(urlEqualTo("/auth/logout")).willReturn(aResponse().withStatus(204)));
            cards.server.stubFor(get(urlPathEqualTo("/cards")).willReturn(json(200, EMPTY_PAGE)
                    .withHeader("DPoP-Nonce", "cards-nonce")));
            CardsClients clients = services.clients().cardsUrl(cards.url()).build();

            Session session = clients.sessions().login("ada@example.com", PASSWORD);
            clients.cards().listCards(0, 20);
            clients.cards().listCards(0, 20);
            clients.sessions().logout();

            List<LoggedRequest> calls = cards.server.findAll(getRequestedFor(urlPathEqualTo("/cards")));
            URI htu = URI.create(cards.server.baseUrl() + "/cards");
            verifyResourceProof(calls.get(0), htu, session.dpopKey(), "access-0", null);
            verifyResourceProof(calls.get(1), htu, session.dpopKey(), "access-0", "cards-nonce");
            verifyTokenProof(posts("/auth/logout").get(0), at("/auth/logout"), session.dpopKey(), "auth-nonce");
        }
    }

    @Test
    void withoutDPoPInTheMetadataTheSessionIsBearerAndNoProofIsSent() {
        services.metadata(false);
        services.server.stubFor(post(urlEqualTo("/auth/login")).willReturn(WireMockServices.tokens("access-0", "refresh-0")));
        services.cardsAnswer("access-0", json(200, EMPTY_PAGE));
        CardsClients clients = services.clients().build();

        Session session = clients.sessions().login("ada@example.com", PASSWORD);
        clients.cards().listCards(0, 20);

        assertFalse(session.dpopBound());
        assertEquals(null, session.dpopKey());
        services.server.verify(postRequestedFor(urlEqualTo("/auth/login")).withHeader("DPoP", absent()));
        services.server.verify(getRequestedFor(urlPathEqualTo("/cards")).withHeader("DPoP", absent())
                .withHeader("Authorization", equalTo("Bearer access-0")));
    }

    @Test
    void metadataThatCannotBeReadLeavesTheLoginOnBearer() {
        // no metadata stub: WireMock answers 404
        services.server.stubFor(post(urlEqualTo("/auth/login")).willReturn(WireMockServices.tokens("access-0", "refresh-0")));
        CardsClients clients = services.clients().build();

        Session session = clients.sessions().login("ada@example.com", PASSWORD);

        assertFalse(session.dpopBound());
        services.server.verify(postRequestedFor(urlEqualTo("/auth/login")).withHeader("DPoP", absent()));
    }

    @Test
    void aBearerAnswerToAProofLeavesABearerSession() {
        services.metadata(true);
        services.server.stubFor(post(urlEqualTo("/auth/login")).willReturn(WireMockServices.tokens("access-0", "refresh-0")));
        CardsClients clients = services.clients().build();

        Session session = clients.sessions().login("ada@example.com", PASSWORD);

        assertFalse(session.dpopBound());
        assertEquals(null, session.dpopKey());
    }

    @Test
    void dpopOffNeitherReadsTheMetadataNorSendsProofs() {
        services.metadata(true);
        services.server.stubFor(post(urlEqualTo("/auth/login")).willReturn(WireMockServices.tokens("access-0", "refresh-0")));
        CardsClients clients = services.clients().dpop(DPoPMode.OFF).build();

        assertFalse(clients.sessions().login("ada@example.com", PASSWORD).dpopBound());

        services.server.verify(0, getRequestedFor(urlEqualTo("/.well-known/oauth-authorization-server")));
        services.server.verify(postRequestedFor(urlEqualTo("/auth/login")).withHeader("DPoP", absent()));
    }

    @Test
    void dpopOnRefusesAnAuthServiceThatDoesNotAdvertiseIt() {
        services.metadata(false);
        CardsClients clients = services.clients().dpop(DPoPMode.ON).build();

        var e = assertThrows(dev.cards.client.error.ClientConfigurationException.class,
                () -> clients.sessions().login("ada@example.com", PASSWORD));

        assertTrue(e.getMessage().contains("cards.client.dpop=on"), e.getMessage());
        services.server.verify(0, postRequestedFor(urlEqualTo("/auth/login")));
    }

    @Test
    void dpopOnBindsTheSession() throws Exception {
        services.metadata(true);
        services.server.stubFor(post(urlEqualTo("/auth/login")).willReturn(dpopTokens("access-0", "refresh-0")));
        CardsClients clients = services.clients().dpop(DPoPMode.ON).build();

        Session session = clients.sessions().login("ada@example.com", PASSWORD);

        assertTrue(session.dpopBound());
        verifyTokenProof(posts("/auth/login").get(0), at("/auth/login"), session.dpopKey(), null);
    }
}
