package dev.cards.bench.http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw-HTTP scenarios, JDK only: each worker's set-up (an account, a session, a card) and then
 * the step it repeats. With {@code users > 0}, login and refresh use the shared accounts
 * user1..userN@bench.test (the ones bench/keycloak provisions in Keycloak's realm), otherwise a
 * fresh account per worker. Keycloak's scenarios are the password grant and a chain of refresh
 * grants (RFC 6749 §4.3, §6) on realm {@code bench}, public client {@code bench-client}.
 *
 * <p>The {@code -dpop} scenarios give each worker a key of its own ({@link DpopProver}): it logs in
 * with a proof (our auth-service first asks for a nonce, so that login takes two requests), which
 * binds its session and access token to the key, and then sends every request with a fresh proof
 * carrying the latest nonce that server handed out; an answer asking for a new nonce
 * ({@code use_dpop_nonce}) is sent again once, within the same step. Keycloak's runs use the
 * public client {@code bench-client-dpop}, which requires DPoP.
 */
final class HttpScenarios {

    static final Pattern REFRESH = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");
    static final Pattern ACCESS = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final String PASSWORD = "correct horse battery staple";
    static final String KC_CLIENT = "bench-client";
    static final String KC_DPOP_CLIENT = "bench-client-dpop";
    static final Pattern DPOP_TOKEN_TYPE = Pattern.compile("\"token_type\"\\s*:\\s*\"DPoP\"");

    /** One worker's loop body. */
    interface Step {
        void run() throws Exception;
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String auth;
    private final String cards;
    private final String keycloakToken;
    private final int users;
    private final AtomicLong cursor = new AtomicLong();

    HttpScenarios(String auth, String cards, String keycloak, int users) {
        this.auth = auth;
        this.cards = cards;
        this.keycloakToken = keycloak + "/realms/bench/protocol/openid-connect/token";
        this.users = users;
    }

    /** The n-th shared account, round-robin over {@code users}. */
    static String sharedEmail(long n, int users) {
        return "user" + (n % users + 1) + "@bench.test";
    }

    private String sharedEmail(long n) {
        return sharedEmail(n, users);
    }

    void signUpUsers() throws Exception {
        for (int u = 0; u < users; u++) {
            HttpResponse<String> r = post(auth + "/auth/signup", credentials(sharedEmail(u)), null);
            if (r.statusCode() != 201 && r.statusCode() != 409) {
                expect(201, r);
            }
        }
    }

    static String credentials(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    static String form(String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.append(i == 0 ? "" : "&").append(kv[i]).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    static String card(long n) {
        return "{\"question\":\"What is " + n + " squared?\",\"answer\":\"" + (n * n) + "\",\"tags\":[\"math\",\"bench\"]}";
    }

    /** Worker {@code index}'s set-up, done before the clock starts; returns its step. */
    Step worker(Scenario scenario, int index) throws Exception {
        if (scenario.keycloak()) {
            return keycloakWorker(scenario, index);
        }
        String email = users > 0 ? sharedEmail(index) : "bench-" + UUID.randomUUID() + "@example.com";
        String credentials = credentials(email);
        if (users == 0) {
            expect(201, post(auth + "/auth/signup", credentials, null));
        }
        DpopProver prover = scenario.dpop() ? DpopProver.generate() : null;
        String session = prover == null ? expect(200, post(auth + "/auth/login", credentials, null))
                : bound(expect(200, sendWithProof(prover, json(auth + "/auth/login", credentials), null)));
        switch (scenario) {
            case LOGIN:
                if (users > 0) { // round-robin over the shared accounts, as kc-login does
                    return () -> expect(200, post(auth + "/auth/login", credentials(sharedEmail(cursor.getAndIncrement())), null));
                }
                return () -> expect(200, post(auth + "/auth/login", credentials, null));
            case REFRESH: {
                String[] refresh = { find(REFRESH, session) };
                return () -> refresh[0] = find(REFRESH,
                        expect(200, post(auth + "/auth/refresh", "{\"refresh_token\":\"" + refresh[0] + "\"}", null)));
            }
            case REFRESH_DPOP: {
                String[] refresh = { find(REFRESH, session) };
                return () -> refresh[0] = find(REFRESH, expect(200, sendWithProof(prover,
                        json(auth + "/auth/refresh", "{\"refresh_token\":\"" + refresh[0] + "\"}"), null)));
            }
            case CARDS_READ_DPOP: {
                String access = find(ACCESS, session);
                DpopProver atCards = prover.atAnotherServer(); // nonces are per server origin
                HttpRequest create = HttpRequest.newBuilder(json(cards + "/cards", card(0)), (n, v) -> true)
                        .header("Authorization", "DPoP " + access).build();
                String id = find(ID, expect(201, sendWithProof(atCards, create, access)));
                HttpRequest read = HttpRequest.newBuilder(URI.create(cards + "/cards/" + id))
                        .header("Authorization", "DPoP " + access).GET().build();
                return () -> expect(200, sendWithProof(atCards, read, access));
            }
            case CARDS_READ: {
                String access = find(ACCESS, session);
                String id = find(ID, expect(201, post(cards + "/cards", card(0), access)));
                return () -> expect(200, send(HttpRequest.newBuilder(URI.create(cards + "/cards/" + id))
                        .header("Authorization", "Bearer " + access).GET().build()));
            }
            case CARDS_WRITE: {
                String access = find(ACCESS, session);
                AtomicLong n = new AtomicLong();
                return () -> {
                    HttpResponse<String> created = post(cards + "/cards", card(n.incrementAndGet()), access);
                    expect(201, created);
                    String id = find(ID, created.body());
                    String etag = created.headers().firstValue("ETag").orElseThrow();
                    expect(200, send(HttpRequest.newBuilder(URI.create(cards + "/cards/" + id))
                            .header("Authorization", "Bearer " + access).header("Content-Type", "application/json")
                            .header("If-Match", etag).PUT(HttpRequest.BodyPublishers.ofString(card(-1))).build()));
                };
            }
            default:
                throw new IllegalArgumentException("not one of ours: " + scenario.label());
        }
    }

    private Step keycloakWorker(Scenario scenario, int index) throws Exception {
        if (scenario == Scenario.KC_LOGIN) {
            return () -> expect(200, keycloak(form("grant_type", "password", "client_id", KC_CLIENT,
                    "username", sharedEmail(cursor.getAndIncrement()), "password", PASSWORD)));
        }
        String login = form("grant_type", "password", "client_id", KC_CLIENT, "username", sharedEmail(index),
                "password", PASSWORD);
        if (scenario == Scenario.KC_REFRESH_DPOP) {
            DpopProver prover = DpopProver.generate();
            String[] refresh = { find(REFRESH, bound(expect(200, sendWithProof(prover, keycloakRequest(form("grant_type",
                    "password", "client_id", KC_DPOP_CLIENT, "username", sharedEmail(index), "password", PASSWORD)), null)))) };
            return () -> refresh[0] = find(REFRESH, expect(200, sendWithProof(prover, keycloakRequest(form("grant_type",
                    "refresh_token", "client_id", KC_DPOP_CLIENT, "refresh_token", refresh[0])), null)));
        }
        String[] refresh = { find(REFRESH, expect(200, keycloak(login))) };
        return () -> refresh[0] = find(REFRESH, expect(200, keycloak(form("grant_type", "refresh_token",
                "client_id", KC_CLIENT, "refresh_token", refresh[0]))));
    }

    private HttpResponse<String> keycloak(String form) throws Exception {
        return send(keycloakRequest(form));
    }

    private HttpRequest keycloakRequest(String form) {
        return HttpRequest.newBuilder(URI.create(keycloakToken)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    /** A JSON POST, without credentials. */
    private static HttpRequest json(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /**
     * Sends {@code request} with a fresh proof of {@code prover} for its method and URL (and
     * {@code ath} of {@code accessToken} when not null); when the answer asks for a nonce, sends it
     * again once with a fresh proof carrying it. The answer is the last one.
     */
    HttpResponse<String> sendWithProof(DpopProver prover, HttpRequest request, String accessToken) throws Exception {
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("DPoP", prover.proof(request.method(), request.uri(), accessToken)).build());
            if (!prover.observe(response.statusCode(), response.headers(), response.body()) || attempt == 2) {
                return response;
            }
        }
    }

    /** A token answer of a DPoP set-up, which must be bound: else the run would measure Bearer tokens. */
    static String bound(String tokenAnswer) {
        if (!DPOP_TOKEN_TYPE.matcher(tokenAnswer).find()) {
            throw new IllegalStateException("the server answered a request with a DPoP proof without binding the token"
                    + " (token_type is not DPoP)");
        }
        return tokenAnswer;
    }

    private HttpResponse<String> post(String url, String json, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ", expected " + status + ": " + response.body());
        }
        return response.body();
    }

    static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body);
        }
        return m.group(1);
    }
}
