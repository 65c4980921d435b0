package dev.cards.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;


/** One WireMock server on a dynamic port standing in for both services, plus stub helpers. */
public final class WireMockServices implements AutoCloseable {

    public static final String EMPTY_PAGE = "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}";

    public final WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(80));
    public final InMemoryTokenStore store = new InMemoryTokenStore();

    public WireMockServices() {
        server.start();
    }

    public URI url() {
        return URI.create(server.baseUrl());
    }

    public CardsClients.Builder clients() {
        return CardsClients.builder().authUrl(url()).cardsUrl(url()).tokenStore(store);
    }

    /** A session whose access token is valid for five more minutes. */
    public void signedIn(String access, String refresh) {
        Instant now = Instant.now();
        store.save(new Session(access, refresh, now, now.plusSeconds(300), now.plusSeconds(3600),
                Issuer.of(url()).url()));
    }

    /** A session bound to a new DPoP key, its access token valid for five more minutes; returns the key. */
    public DPoPKey signedInWithDPoP(String access, String refresh) {
        Instant now = Instant.now();
        DPoPKey key = DPoPKey.generate();
        store.save(new Session(access, refresh, now, now.plusSeconds(300), now.plusSeconds(3600),
                Issuer.of(url()).url(), Session.DPOP, key));
        return key;
    }

    /** The auth-service's metadata (RFC 8414), advertising DPoP with ES256 or not. */
    public void metadata(boolean dpop) {
        server.stubFor(get(urlEqualTo("/.well-known/oauth-authorization-server")).willReturn(json(200,
                "{\"issuer\":\"" + server.baseUrl() + "\",\"token_endpoint\":\"" + server.baseUrl() + "/oauth2/token\""
                        + (dpop ? ",\"dpop_signing_alg_values_supported\":[\"ES256\",\"ES384\",\"ES512\",\"PS256\",\"RS256\"]" : "")
                        + "}")));
    }

    public void cardsAnswer(String access, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/cards")).withHeader("Authorization", equalTo("Bearer " + access))
                .willReturn(response));
    }

    public void refreshAnswers(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo("/auth/refresh")).willReturn(response));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static ResponseDefinitionBuilder problem(int status, String title, String extra) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + title + " detail\"" + extra + "}");
    }

    public static ResponseDefinitionBuilder expiredToken() {
        return problem(401, "Unauthorized", "").withHeader("WWW-Authenticate",
                "Bearer error=\"invalid_token\", error_description=\"The access token has expired\"");
    }

    /** A 401 that does not say the token is invalid: a refresh cannot help. */
    public static ResponseDefinitionBuilder unauthorizedWithoutInvalidToken() {
        return problem(401, "Unauthorized", "").withHeader("WWW-Authenticate", "Bearer realm=\"cards\"");
    }

    public static ResponseDefinitionBuilder invalidGrant() {
        return problem(401, "Unauthorized", ",\"error\":\"invalid_grant\"");
    }

    /** The auth-service's answer to a proof without its current nonce (RFC 9449 §8). */
    public static ResponseDefinitionBuilder useDPoPNonce(String nonce) {
        return problem(400, "Bad Request", ",\"error\":\"use_dpop_nonce\"").withHeader("DPoP-Nonce", nonce);
    }

    /** A resource server's nonce challenge (RFC 9449 §9). */
    public static ResponseDefinitionBuilder resourceUseDPoPNonce(String nonce) {
        return problem(401, "Unauthorized", "").withHeader("DPoP-Nonce", nonce)
                .withHeader("WWW-Authenticate", "DPoP error=\"use_dpop_nonce\", error_description=\"Resource server requires nonce in DPoP proof\"");
    }

    public static ResponseDefinitionBuilder dpopTokens(String access, String refresh) {
        return json(200, "{\"access_token\":\"" + access + "\",\"token_type\":\"DPoP\",\"expires_in\":300,"
                + "\"refresh_token\":\"" + refresh + "\",\"refresh_expires_in\":3600}");
    }

    public static ResponseDefinitionBuilder tokens(String access, String refresh) {
        return json(200, "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"refresh_token\":\"" + refresh + "\",\"refresh_expires_in\":3600}");
    }

    @Override
    public void close() {
        // Nonces are kept per origin for the whole JVM: a later server on this port starts without one.
        DPoPNonces.SHARED.forget(url());
        server.stop();
    }
}
