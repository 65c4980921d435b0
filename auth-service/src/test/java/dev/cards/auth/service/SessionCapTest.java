package dev.cards.auth.service;

import static dev.cards.auth.rest.Api.assertInvalidGrant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.auth.crypto.TestConfig;
import dev.cards.auth.persistence.RefreshSession;
import dev.cards.auth.persistence.User;
import dev.cards.auth.rest.Api;
import dev.cards.auth.rest.ClockedProfile;
import dev.cards.auth.rest.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.LockModeType;

/**
 * At most auth.session.max-per-account live sessions per account (2 here): starting one more ends
 * the least recently used one, the one whose idle end is earliest. It holds under concurrent logins.
 */
@QuarkusTest
@TestProfile(SessionCapTest.TwoPerAccount.class)
class SessionCapTest {

    public static class TwoPerAccount extends ClockedProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("auth.session.max-per-account", "2");
        }
    }

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void startingASessionOverTheCapEndsTheLeastRecentlyUsedOne() {
        String email = Api.newEmail();
        Api.signUp(email);
        String first = Api.logIn(email).path("refresh_token");
        TestClock.advance(Duration.ofSeconds(1));
        String second = Api.logIn(email).path("refresh_token");
        TestClock.advance(Duration.ofSeconds(1));
        first = Api.refreshed(first); // now the second session is the least recently used
        TestClock.advance(Duration.ofSeconds(1));
        String third = Api.logIn(email).path("refresh_token");
        assertInvalidGrant(Api.refresh(second));
        Api.refreshed(first);
        Api.refreshed(third);
    }

    @Test
    void sessionsThatEndedDoNotCountTowardsTheCap() {
        String email = Api.newEmail();
        Api.signUp(email);
        String first = Api.logIn(email).path("refresh_token");
        Api.api().contentType(ContentType.JSON).body(Map.of("refresh_token", first))
                .post("/auth/logout").then().statusCode(204);
        String second = Api.logIn(email).path("refresh_token");
        String third = Api.logIn(email).path("refresh_token");
        Api.refreshed(second);
        Api.refreshed(third);
    }

    @Test
    void concurrentLoginsOfOneAccountLeaveExactlyTheCapOfLiveSessions() throws Exception {
        String email = Api.newEmail();
        UUID user = UUID.fromString(Api.signUp(email));
        int logins = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(logins);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                tokens.add(pool.submit(() -> {
                    start.await();
                    return Api.logIn(email).path("refresh_token");
                }));
            }
            start.countDown();
            for (Future<String> token : tokens) {
                token.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(2, liveSessionsOf(user));
    }

    @Test
    void aLoginThatCannotHaveItsUserRowInTimeIsAnsweredWithoutA500() throws Exception {
        String email = Api.newEmail();
        UUID user = UUID.fromString(Api.signUp(email));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            User.findById(user, LockModeType.PESSIMISTIC_WRITE);
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        assertTrue(locked.await(30, TimeUnit.SECONDS));
        // The login waits until the holder ends, 12 s from now, or gives up first (H2 after its LOCK_TIMEOUT of 10 s).
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(12_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        releaser.start();
        Response login = RestAssured.given().contentType(ContentType.JSON).body(Map.of("email", email, "password", Api.PASSWORD))
                .post("/auth/login");
        releaser.join();
        holder.join();
        if (login.statusCode() == 503) {
            login.then().contentType("application/problem+json").header("Retry-After", "1");
        } else {
            assertEquals(200, login.statusCode(), login.asString());
        }
    }

    @Test
    void aCapOfZeroIsRefusedAtStartUp() {
        assertThrows(IllegalStateException.class,
                () -> new SessionCap(TestConfig.with(Map.of("auth.session.max-per-account", "0"))));
    }

    @Test
    void theDefaultCapIs50() {
        assertEquals(50, TestConfig.with(Map.of()).session().maxPerAccount());
    }

    static long liveSessionsOf(UUID user) {
        return QuarkusTransaction.requiringNew().call(() -> RefreshSession.count("user.id = ?1 and revokedAt is null", user));
    }
}
