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
 */
final class HttpScenarios {

    static final Pattern REFRESH = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");
    static final Pattern ACCESS = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final String PASSWORD = "correct horse battery staple";
    static final String KC_CLIENT = "bench-client";

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
        String session = expect(200, post(auth + "/auth/login", credentials, null));
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
        String[] refresh = { find(REFRESH, expect(200, keycloak(login))) };
        return () -> refresh[0] = find(REFRESH, expect(200, keycloak(form("grant_type", "refresh_token",
                "client_id", KC_CLIENT, "refresh_token", refresh[0]))));
    }

    private HttpResponse<String> keycloak(String form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(keycloakToken)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
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
