package dev.cards.auth.outage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cards.testsupport.Management;
import dev.cards.testsupport.ProxiedDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.cards.auth.persistence.RefreshSession;
import dev.cards.auth.rest.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The auth-service's database goes away for 5 s while a user logs in over and over (a TCP proxy
 * of the test's own, on H2 and on PostgreSQL): 200s or 503 problems only, never a 500; readiness
 * goes down and comes back; every login answered 200 left its session row.
 */
@QuarkusTest
@TestProfile(AuthDatabaseOutageTest.Proxied.class)
class AuthDatabaseOutageTest {

    public static class Proxied implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxiedDatabase.class,
                    Map.of("postgres-database", "cards_auth_test", "h2-database", "auth-outage")));
        }
    }

    @Test
    void anOutageAnswers503ProblemsAndLosesNoAnsweredLogin() throws Exception {
        String email = Api.newEmail();
        UUID user = UUID.fromString(Api.signUp(email));
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + Api.PASSWORD + "\"}";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI login = URI.create("http://127.0.0.1:" + RestAssured.port + "/auth/login");
        ConcurrentLinkedQueue<int[]> answers = new ConcurrentLinkedQueue<>(); // {status, millis, problem?1:0}
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            writers.add(pool.submit(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    int status;
                    int problem = 0;
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(login).timeout(Duration.ofSeconds(20))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        status = r.statusCode();
                        problem = r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json") ? 1 : 0;
                    } catch (Exception e) {
                        status = -1;
                    }
                    answers.add(new int[] {status, (int) ((System.nanoTime() - start) / 1_000_000), problem});
                }
            }));
        }
        boolean sawDown = false;
        long restoredAt;
        long readyAfter = -1;
        try {
            Thread.sleep(1_500);
            proxy("/cut");
            long cutAt = System.nanoTime();
            while (System.nanoTime() - cutAt < 5_000_000_000L) {
                sawDown |= Management.given().get("/q/health/ready").statusCode() == 503;
                Thread.sleep(200);
            }
            proxy("/restore");
            restoredAt = System.nanoTime();
            while (readyAfter < 0 && System.nanoTime() - restoredAt < 30_000_000_000L) {
                if (Management.given().get("/q/health/ready").statusCode() == 200) {
                    readyAfter = (System.nanoTime() - restoredAt) / 1_000_000;
                }
                Thread.sleep(100);
            }
            Thread.sleep(2_000);
        } finally {
            running.set(false);
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        long ok = answers.stream().filter(a -> a[0] == 200).count();
        long unavailable = answers.stream().filter(a -> a[0] == 503 && a[2] == 1).count();
        List<Integer> other = answers.stream().filter(a -> a[0] != 200 && !(a[0] == 503 && a[2] == 1)).map(a -> a[0]).toList();
        int slowest = answers.stream().mapToInt(a -> a[1]).max().orElse(0);
        long sessions = QuarkusTransaction.requiringNew().call(() -> RefreshSession.count("user.id", user));
        System.out.printf("[measured] auth-service outage 5000 ms: %d logins 200, %d x 503 problem, other %s; slowest %d ms;"
                + " ready %d ms after the restore; %d session rows for %d logins answered 200%n",
                ok, unavailable, other, slowest, readyAfter, sessions, ok);
        assertTrue(other.isEmpty(), "only 200 or 503 problems, got " + other);
        assertTrue(unavailable > 0, "the outage was noticed");
        assertTrue(sawDown, "readiness went down");
        assertTrue(readyAfter >= 0 && readyAfter < 10_000, "readiness back within 10 s");
        assertTrue(sessions >= ok, "every login answered 200 has its session: " + sessions + " of " + ok);
    }

    private static void proxy(String action) throws Exception {
        String admin = ConfigProvider.getConfig().getValue("test.db-proxy.admin-url", String.class);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(admin + action))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }
}
