package dev.cards.auth.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged auth-service processes on one database, as two Kubernetes replicas would run:
 * the refresh race is decided by the database, not by anything held in one process. On the
 * PostgreSQL suite (-Ppostgresql) the production package runs against PostgreSQL; on the default
 * suite the embedded package shares one H2 database file in server mode.
 */
class TwoReplicasIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final int CALLERS = 16;
    /** Without the reuse grace the race has exactly one winner, which is what the row lock must ensure. */
    private static final String NO_GRACE = "-Dauth.refresh-token.reuse-grace=0S";

    private static ReplicaProcess first;
    private static ReplicaProcess second;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        Path dir = Files.createTempDirectory("auth-replicas");
        var generator = KeyPairGenerator.getInstance("EC"); // the key type the service ships with (ES256)
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        Path key = Files.writeString(dir.resolve("signing.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        boolean postgres = System.getProperty("quarkus.test.profile", "").contains("pg");
        Path jar;
        List<String> jvmArgs;
        Map<String, String> env;
        if (postgres) {
            jar = Path.of("target/quarkus-app/quarkus-run.jar");
            jvmArgs = List.of(NO_GRACE);
            // The suite's database (or one's own, -D%pg.quarkus.datasource.jdbc.url), as the role that owns it.
            env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", System.getProperty("%pg.quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:5432/cards_auth_test"),
                    "QUARKUS_DATASOURCE_USERNAME", "cards_auth", "QUARKUS_DATASOURCE_PASSWORD", "cards_auth",
                    "AUTH_SIGNING_KEY_LOCATION", key.toString());
        } else {
            jar = Path.of("target/local-app/quarkus-run.jar");
            jvmArgs = List.of("-Dquarkus.profile=local", NO_GRACE);
            env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + dir.resolve("auth") + ";AUTO_SERVER=TRUE",
                    "AUTH_SIGNING_KEY_LOCATION", key.toString());
        }
        first = ReplicaProcess.start(jar, jvmArgs, env, dir.resolve("first.log"));
        second = ReplicaProcess.start(jar, jvmArgs, env, dir.resolve("second.log"));
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void parallelRefreshesOfOneTokenAcrossBothReplicasGiveExactlyOneSuccess() throws Exception {
        String refreshToken = extract(REFRESH_TOKEN, newSession(first));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                ReplicaProcess target = i % 2 == 0 ? first : second;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return post(target, "/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}").statusCode();
                }));
            }
            start.countDown();
            int successes = 0;
            for (Future<Integer> status : statuses) {
                if (status.get() == 200) {
                    successes++;
                } else {
                    assertEquals(401, status.get());
                }
            }
            assertEquals(1, successes);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTokenFromOneReplicaIsHonouredByTheOther() throws Exception {
        String body = newSession(first);
        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create(second.baseUrl + "/auth/me"))
                .header("Authorization", "Bearer " + extract(ACCESS_TOKEN, body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), me.body());
        HttpResponse<String> refreshed = post(second, "/auth/refresh", "{\"refresh_token\":\"" + extract(REFRESH_TOKEN, body) + "\"}");
        assertEquals(200, refreshed.statusCode(), refreshed.body());
    }

    private static String newSession(ReplicaProcess replica) throws Exception {
        String credentials = "{\"email\":\"r-" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse battery\"}";
        assertEquals(201, post(replica, "/auth/signup", credentials).statusCode());
        HttpResponse<String> login = post(replica, "/auth/login", credentials);
        assertEquals(200, login.statusCode(), login.body());
        return login.body();
    }

    private static HttpResponse<String> post(ReplicaProcess replica, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(replica.baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String extract(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no match for " + pattern + " in " + body);
        }
        return m.group(1);
    }
}
