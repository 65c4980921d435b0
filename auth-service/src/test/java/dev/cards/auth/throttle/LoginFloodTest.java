package dev.cards.auth.throttle;

import static dev.cards.auth.rest.Api.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.auth.persistence.RefreshSession;
import dev.cards.auth.rest.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The flood of the issue, scaled to a test: one account's correct password from six addresses with
 * six connections each. Logins beyond the bound in progress are refused at once and those beyond the
 * account's limit before their hash, so every answer is 200 or 429 (never a 5xx), the account ends
 * with no more live sessions than the cap, and another user's refreshes keep succeeding throughout.
 */
@QuarkusTest
@TestProfile(LoginFloodTest.Bounded.class)
class LoginFloodTest {

    static final int SESSION_CAP = 5;
    static final int LOGINS_PER_MINUTE = 10;

    public static class Bounded extends ThrottleProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("auth.login-limit.max-in-progress", "4");
            overrides.put("auth.login-limit.max-per-account", String.valueOf(LOGINS_PER_MINUTE));
            overrides.put("auth.login-limit.window", "1M");
            overrides.put("auth.session.max-per-account", String.valueOf(SESSION_CAP));
            return overrides;
        }
    }

    @BeforeEach
    void noCounts() {
        Throttling.forgetAllCounts();
    }

    @Test
    void aFloodOfCorrectLoginsGets429sNo5xxAndLeavesAtMostTheCapOfLiveSessions() throws Exception {
        String email = Api.newEmail();
        UUID user = UUID.fromString(Api.signUp(email));
        String other = Api.logIn(signedUp()).path("refresh_token");
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService flood = Executors.newFixedThreadPool(36);
        List<Future<?>> senders = new ArrayList<>();
        for (int address = 2; address <= 7; address++) {
            String from = "127.0.0." + address;
            for (int c = 0; c < 6; c++) {
                senders.add(flood.submit(() -> {
                    while (flooding.get()) {
                        statuses.computeIfAbsent(RawLogin.status(from, email, PASSWORD), s -> new AtomicInteger()).incrementAndGet();
                    }
                }));
            }
        }
        List<Integer> refreshes = new ArrayList<>();
        try {
            long end = System.nanoTime() + 4_000_000_000L;
            while (System.nanoTime() < end) {
                var refreshed = Api.refresh(other);
                refreshes.add(refreshed.statusCode());
                if (refreshed.statusCode() == 200) {
                    other = refreshed.path("refresh_token");
                }
                Thread.sleep(100);
            }
        } finally {
            flooding.set(false);
            for (Future<?> f : senders) {
                f.get(60, TimeUnit.SECONDS);
            }
            flood.shutdown();
        }
        long live = QuarkusTransaction.requiringNew().call(() -> RefreshSession.count(
                "user.id = ?1 and revokedAt is null", user));
        System.out.println("[measured] login flood of one account from 6 addresses x 6 connections for 4 s: answers "
                + statuses + "; " + live + " live sessions (cap " + SESSION_CAP + "); other user's refreshes " + refreshes.size());
        assertEquals(Map.of(), filter(statuses), "only 200 and 429 answers");
        assertTrue(statuses.get(429) != null && statuses.get(429).get() > 0, "the flood is refused");
        assertTrue(statuses.get(200) != null && statuses.get(200).get() <= LOGINS_PER_MINUTE,
                "at most the account's limit of logins succeed: " + statuses);
        assertTrue(live <= SESSION_CAP, live + " live sessions");
        assertTrue(refreshes.stream().allMatch(s -> s == 200), "the other user's refreshes: " + refreshes);
    }

    private static String signedUp() {
        String email = Api.newEmail();
        Api.signUp(email);
        return email;
    }

    private static Map<Integer, Integer> filter(Map<Integer, AtomicInteger> statuses) {
        Map<Integer, Integer> unexpected = new HashMap<>();
        statuses.forEach((status, n) -> {
            if (status != 200 && status != 429) {
                unexpected.put(status, n.get());
            }
        });
        return unexpected;
    }
}
