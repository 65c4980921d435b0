package dev.cards.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.client.CardsClients;
import dev.cards.client.InMemoryTokenStore;
import dev.cards.client.Session;
import dev.cards.client.cards.model.CardRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The invariants hold across replicas: two auth-service and two cards-service processes, and the
 * client spreading its calls over them with SmallRye Stork static lists. The ports of the Stork
 * lists are chosen by {@link StorkStaticLists}; the replicas are started on those ports, once for
 * the whole class (see {@link Replicas}).
 */
@QuarkusTest
@TestProfile(StorkStaticLists.class)
class ReplicasIT {

    private static final String REQUESTS = "http_server_requests_seconds_count";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");
    private static final String PASSWORD = "replica-password-123";
    private static final int CALLERS = 16;
    private static Replicas replicas;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        synchronized (ReplicasIT.class) {
            if (replicas == null) {
                Config config = ConfigProvider.getConfig();
                replicas = new Replicas(ports(config.getValue(StorkStaticLists.AUTH_LIST, String.class)),
                        ports(config.getValue(StorkStaticLists.CARDS_LIST, String.class)));
            }
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (replicas != null) {
            replicas.close();
            replicas = null;
        }
    }

    @Test
    void parallelRefreshesOfOneTokenAcrossBothAuthServicesGiveExactlyOneSuccess() throws Exception {
        String refreshToken = extract(REFRESH_TOKEN, newSession(replicas.auth.get(0)));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                ServiceProcess target = replicas.auth.get(i % 2);
                statuses.add(pool.submit(() -> {
                    start.await();
                    return post(target, "/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}").statusCode();
                }));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get());
            }
            assertEquals(1, answers.stream().filter(s -> s == 200).count(), answers.toString());
            assertEquals(CALLERS - 1, answers.stream().filter(s -> s == 401).count(), answers.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAccessTokenFromEitherAuthServiceIsAcceptedByBothCardsServices() throws Exception {
        for (ServiceProcess issuer : replicas.auth) {
            String accessToken = extract(ACCESS_TOKEN, newSession(issuer));
            for (ServiceProcess cards : replicas.cards) {
                HttpResponse<String> page = getCards(cards, accessToken);
                assertEquals(200, page.statusCode(), issuer.name + " -> " + cards.name + ": " + page.body());
            }
        }
    }

    @Test
    void theClientSpreadsCallsOverBothCardsServicesAndRefreshesOnBothAuthServices() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        AtomicInteger refreshesSent = new AtomicInteger();
        CardsClients clients = CardsClients.builder().authUrl(URI.create("stork://auth-service"))
                .cardsUrl(URI.create("stork://cards-service")).tokenStore(store)
                .exchangeListener((client, method, uri, status, elapsed) -> {
                    if (uri.getPath().equals("/auth/refresh") && status == 200) {
                        refreshesSent.incrementAndGet();
                    }
                }).build();
        String email = "stork-" + UUID.randomUUID() + "@example.com";
        clients.sessions().signup(email, PASSWORD.toCharArray());
        clients.sessions().login(email, PASSWORD.toCharArray());
        double[] cardsBefore = replicas.counts(replicas.cards, REQUESTS, "uri=\"/cards\"");
        double[] refreshesBefore = replicas.counts(replicas.auth, REQUESTS, "uri=\"/auth/refresh\"", "status=\"200\"");

        // The card is written through one cards-service and read through both: one database.
        clients.cards().createCard(new CardRequest().question("q").answer("a"));
        for (int i = 0; i < 6; i++) {
            assertEquals(1L, clients.cards().listCards(0, 20).getTotal());
        }
        // Each expiry makes the next call refresh first, through Stork, on one auth-service or the other.
        int rounds = 4;
        for (int i = 0; i < rounds; i++) {
            waitForExpiry(store.load().orElseThrow());
            assertEquals(1L, clients.cards().listCards(0, 20).getTotal());
        }

        // At least one refresh per round (a slow machine may add a proactive one in the first loop).
        int refreshes = refreshesSent.get();
        assertTrue(refreshes >= rounds, "refreshes answered 200: " + refreshes);
        double[] cardsServed = replicas.awaitDelta(replicas.cards, cardsBefore, 1 + 6 + rounds, REQUESTS, "uri=\"/cards\"");
        double[] refreshesServed = replicas.awaitDelta(replicas.auth, refreshesBefore, refreshes, REQUESTS, "uri=\"/auth/refresh\"",
                "status=\"200\"");
        assertEquals(refreshes, Arrays.stream(refreshesServed).sum(), "refreshes answered by the auth-services");
        String figures = String.format("requests to /cards per cards-service: %s; refreshes answered 200 per auth-service: %s%n",
                Arrays.toString(cardsServed), Arrays.toString(refreshesServed));
        Files.writeString(Path.of("target/replicas/spread.txt"), figures);
        assertTrue(Arrays.stream(cardsServed).allMatch(n -> n >= 1), figures);
        assertTrue(Arrays.stream(refreshesServed).allMatch(n -> n >= 1), figures);
    }

    @Test
    void aSigningKeyRotationIsPickedUpByBothCardsServices() throws Exception {
        // A token signed by the old key has to outlive two restarts: issue it as a 5-minute token.
        replicas.restartAuth(List.of("-Dauth.access-token.lifetime=PT5M"));
        String beforeRotation = extract(ACCESS_TOKEN, newSession(replicas.auth.get(0)));

        replicas.restartAuth(replicas.rotatedKeyProperties("signing-2"));

        for (ServiceProcess issuer : replicas.auth) {
            String afterRotation = extract(ACCESS_TOKEN, newSession(issuer));
            assertNotEquals(kid(beforeRotation), kid(afterRotation), "the new key signs");
            for (ServiceProcess cards : replicas.cards) {
                HttpResponse<String> page = getCards(cards, afterRotation);
                assertEquals(200, page.statusCode(), "new key, " + issuer.name + " -> " + cards.name + ": " + page.body());
            }
        }
        for (ServiceProcess cards : replicas.cards) {
            HttpResponse<String> page = getCards(cards, beforeRotation);
            assertEquals(200, page.statusCode(), "old key -> " + cards.name + ": " + page.body());
        }
    }

    private String newSession(ServiceProcess auth) throws Exception {
        String credentials = "{\"email\":\"r-" + UUID.randomUUID() + "@example.com\",\"password\":\"" + PASSWORD + "\"}";
        HttpResponse<String> signup = post(auth, "/auth/signup", credentials);
        assertEquals(201, signup.statusCode(), signup.body());
        HttpResponse<String> login = post(auth, "/auth/login", credentials);
        assertEquals(200, login.statusCode(), login.body());
        return login.body();
    }

    private HttpResponse<String> post(ServiceProcess service, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(service.url().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getCards(ServiceProcess cards, String accessToken) throws Exception {
        return http.send(HttpRequest.newBuilder(cards.url().resolve("/cards")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Until the client's copy has expired: the next call refreshes first (proactive refresh is on). */
    private static void waitForExpiry(Session session) throws InterruptedException {
        long millis = Duration.between(Instant.now(), session.accessExpiresAt().plusMillis(200)).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static int[] ports(String addressList) {
        return Arrays.stream(addressList.split(",")).mapToInt(a -> Integer.parseInt(a.substring(a.lastIndexOf(':') + 1).trim()))
                .toArray();
    }

    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return extract(Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]+)\""), header);
    }

    private static String extract(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no match for " + pattern);
        }
        return m.group(1);
    }
}
