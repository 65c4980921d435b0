package dev.cards.auth.throttle;

import static dev.cards.auth.rest.Api.PASSWORD;
import static dev.cards.auth.rest.Api.newEmail;
import static dev.cards.auth.throttle.Throttling.WRONG;
import static dev.cards.auth.throttle.Throttling.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.auth.rest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Guessing one account's password from many addresses (OWASP Authentication Cheat Sheet, "Account
 * Lockout": slow down, never lock the owner out). ThrottleProfile: 10 failures from addresses new
 * to the account, then such attempts wait 2 s, doubling up to 4 s. Each attacker address is a
 * loopback address used once; the owner signs in from 127.0.0.1 (known) or 127.0.0.250 (new).
 */
@QuarkusTest
@TestProfile(ThrottleProfile.class)
class AccountThrottleTest {

    static final String KNOWN = "127.0.0.1";
    static final String NEW = "127.0.0.250";

    @BeforeEach
    void noCounts() {
        Throttling.forgetAllCounts();
    }

    @Test
    void guessesSpreadOverManyAddressesAreSlowedDownForTheAccount() {
        String email = newEmail();
        Api.signUp(email);
        for (int i = 0; i < ThrottleProfile.ACCOUNT_MAX_FAILURES; i++) {
            login(attacker(i), email, WRONG).then().statusCode(401);
        }
        Response refused = login(attacker(100), email, PASSWORD);
        refused.then().statusCode(429).contentType("application/problem+json");
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= ThrottleProfile.ACCOUNT_MAX_DELAY_SECONDS, "Retry-After " + retryAfter);
    }

    @Test
    void parallelGuessesFromManyAddressesCannotSlipPastTheCount() throws Exception {
        String email = newEmail();
        Api.signUp(email);
        int guesses = 3 * ThrottleProfile.ACCOUNT_MAX_FAILURES;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String from = attacker(i);
                statuses.add(pool.submit(() -> {
                    start.await();
                    return RawLogin.status(from, email, WRONG);
                }));
            }
            start.countDown();
            int checked = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get(60, TimeUnit.SECONDS);
                assertTrue(code == 401 || code == 429, "status " + code);
                checked += code == 401 ? 1 : 0;
            }
            assertEquals(ThrottleProfile.ACCOUNT_MAX_FAILURES, checked, "passwords checked out of " + guesses);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theOwnerSignsInFromAKnownAddressWhileADistributedRunGuesses() throws Exception {
        String email = newEmail();
        Api.signUp(email);
        login(KNOWN, email, PASSWORD).then().statusCode(200);
        ConcurrentLinkedQueue<String> addresses = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 200; i++) {
            addresses.add(attacker(i));
        }
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService attacker = Executors.newFixedThreadPool(4);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            runs.add(attacker.submit(() -> {
                for (String from = addresses.poll(); from != null; from = addresses.poll()) {
                    int status = RawLogin.status(from, email, WRONG);
                    (status == 429 ? refused : checked).incrementAndGet();
                }
            }));
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (refused.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(refused.get() > 0, "the distributed run got no 429 (" + checked.get() + " checked)");
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                login(KNOWN, email, PASSWORD).then().statusCode(200);
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            System.out.println("[measured] owner logins from a known address during a run from 200 addresses: all 200, ms " + millis);
        } finally {
            addresses.clear();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
            attacker.shutdown();
        }
        System.out.println("[measured] distributed run: " + checked.get() + " passwords checked, " + refused.get() + " refused");
        // 10 free failures, then one guess per lock: 2 s, 4 s, 4 s … while the run lasts
        assertTrue(checked.get() <= ThrottleProfile.ACCOUNT_MAX_FAILURES + 5, checked.get() + " checked");
    }

    @Test
    void theOwnerSignsInFromANewAddressWithinTheAccountMaxDelay() throws Exception {
        String email = newEmail();
        Api.signUp(email);
        for (int i = 0; i < ThrottleProfile.ACCOUNT_MAX_FAILURES + 1; i++) {
            login(attacker(i), email, WRONG);
        }
        long start = System.nanoTime();
        Response answer = login(NEW, email, PASSWORD);
        while (answer.statusCode() == 429) {
            Thread.sleep(Long.parseLong(answer.header("Retry-After")) * 1000);
            answer = login(NEW, email, PASSWORD);
        }
        answer.then().statusCode(200);
        long waited = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[measured] the owner from a new address signed in after " + waited + " ms");
        assertTrue(waited < (ThrottleProfile.ACCOUNT_MAX_DELAY_SECONDS + 1) * 1000L, waited + " ms");
        login(NEW, email, PASSWORD).then().statusCode(200); // known now
    }

    @Test
    void aCorrectPasswordFromANewAddressDoesNotCount() {
        String email = newEmail();
        Api.signUp(email);
        for (int i = 0; i < ThrottleProfile.ACCOUNT_MAX_FAILURES - 1; i++) {
            login(attacker(i), email, WRONG).then().statusCode(401);
        }
        login(NEW, email, PASSWORD).then().statusCode(200);
        login(attacker(50), email, WRONG).then().statusCode(401);
        login(attacker(51), email, WRONG).then().statusCode(429);
    }

    @Test
    void failuresFromAKnownAddressDoNotCountForTheAccount() {
        String email = newEmail();
        Api.signUp(email);
        login(KNOWN, email, PASSWORD).then().statusCode(200);
        for (int round = 0; round < 2; round++) { // 8: below the address's own limit of 10
            for (int i = 0; i < 4; i++) {
                login(KNOWN, email, WRONG).then().statusCode(401);
            }
            login(KNOWN, email, PASSWORD).then().statusCode(200);
        }
        for (int i = 0; i < ThrottleProfile.ACCOUNT_MAX_FAILURES - 8; i++) {
            login(attacker(i), email, WRONG).then().statusCode(401);
        }
        login(NEW, email, PASSWORD).then().statusCode(200);
    }

    /** The i-th attacker address: 127.0.0.10 … 127.0.0.249, each used once per test. */
    static String attacker(int i) {
        return "127.0.0." + (10 + i);
    }
}
