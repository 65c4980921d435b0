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

    public static ResponseDefinitionBuilder tokens(String access, String refresh) {
        return json(200, "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"refresh_token\":\"" + refresh + "\",\"refresh_expires_in\":3600}");
    }

    @Override
    public void close() {
        server.stop();
    }
}
