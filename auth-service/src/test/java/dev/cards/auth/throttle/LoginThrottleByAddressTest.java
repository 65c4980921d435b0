package dev.cards.auth.throttle;

import static dev.cards.auth.rest.Api.PASSWORD;
import static dev.cards.auth.rest.Api.newEmail;
import static dev.cards.auth.throttle.Throttling.WRONG;
import static dev.cards.auth.throttle.Throttling.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.auth.rest.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * OWASP Authentication Cheat Sheet ("Account Lockout", "Credential Stuffing"): guesses are
 * throttled per (account, client address) and per address, so a stranger cannot lock the owner
 * out. The attacker's connections come from 127.0.0.2, the owner's from 127.0.0.1.
 */
@QuarkusTest
@TestProfile(ThrottleProfile.class)
class LoginThrottleByAddressTest {

    static final String OWNER = "127.0.0.1";
    static final String ATTACKER = "127.0.0.2";

    @BeforeEach
    void noCounts() {
        Throttling.forgetAllCounts();
    }

    @Test
    void guessesFromOneAddressLockThatAddressOutOfTheAccount() {
        String email = newEmail();
        Api.signUp(email);
        for (int i = 0; i < 5; i++) {
            login(ATTACKER, email, WRONG).then().statusCode(401);
        }
        login(ATTACKER, email, PASSWORD).then().statusCode(429).header("Retry-After", "2")
                .contentType("application/problem+json");
    }

    @Test
    void theOwnerSignsInFromAnotherAddressWhileAnAttackerGuesses() throws Exception {
        String email = newEmail();
        Api.signUp(email);
        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        ExecutorService attacker = Executors.newFixedThreadPool(4);
        List<Future<?>> guesses = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            guesses.add(attacker.submit(() -> {
                while (attacking.get()) {
                    if (RawLogin.status(ATTACKER, email, WRONG) == 429) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        try {
            while (refused.get() == 0) {
                Thread.sleep(20); // the attacker's pair is locked: the case the issue is about
            }
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                login(OWNER, email, PASSWORD).then().statusCode(200);
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            System.out.println("[measured] owner logins from " + OWNER + " while " + ATTACKER
                    + " guesses (locked out, " + refused.get() + " refusals so far): all 200, ms " + millis);
        } finally {
            attacking.set(false);
            for (Future<?> f : guesses) {
                f.get(30, TimeUnit.SECONDS);
            }
            attacker.shutdown();
        }
        login(ATTACKER, email, PASSWORD).then().statusCode(429);
    }

    @Test
    void parallelCorrectLoginsAreNeverThrottled() throws Exception {
        String email = newEmail();
        Api.signUp(email);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                statuses.add(pool.submit(() -> login(ATTACKER, email, PASSWORD).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void failuresSpreadOverManyEmailsThrottleTheAddress() {
        for (int i = 0; i < ThrottleProfile.ADDRESS_MAX_FAILURES; i++) {
            login(ATTACKER, newEmail(), WRONG).then().statusCode(401);
        }
        login(ATTACKER, newEmail(), WRONG).then().statusCode(429);
        String owner = newEmail();
        Api.signUp(owner);
        login(OWNER, owner, PASSWORD).then().statusCode(200);
    }

    @Test
    void anAddressFloodingLoginGets429WithoutSlowingOtherClients() throws Exception {
        String email = newEmail();
        Api.signUp(email);
        long before = median(ownerLogins(email, 5));
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger floodRefused = new AtomicInteger();
        AtomicInteger floodSent = new AtomicInteger();
        ExecutorService flood = Executors.newFixedThreadPool(32);
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            senders.add(flood.submit(() -> {
                while (flooding.get()) {
                    floodSent.incrementAndGet();
                    if (RawLogin.status(ATTACKER, newEmail(), WRONG) == 429) {
                        floodRefused.incrementAndGet();
                    }
                }
            }));
        }
        long during;
        try {
            Thread.sleep(300);
            during = median(ownerLogins(email, 9));
        } finally {
            flooding.set(false);
            for (Future<?> f : senders) {
                f.get(30, TimeUnit.SECONDS);
            }
            flood.shutdown();
        }
        System.out.println("[measured] login p50 of " + OWNER + ": " + before + " ms alone, " + during
                + " ms while " + ATTACKER + " floods with 32 connections (" + floodSent.get() + " sent, "
                + floodRefused.get() + " answered 429)");
        assertTrue(floodRefused.get() > floodSent.get() / 2, "most of the flood is refused");
        // Generous for a shared 2-core machine; unthrottled, the issue measured 16 s.
        assertTrue(during < Math.max(1_000, before * 5), "p50 " + during + " ms during the flood, " + before + " ms before");
    }

    private static List<Long> ownerLogins(String email, int n) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            login(OWNER, email, PASSWORD).then().statusCode(200);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
