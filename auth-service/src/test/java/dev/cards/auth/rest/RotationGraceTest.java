package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.assertInvalidGrant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RotationGraceTest.WithGrace.class)
class RotationGraceTest {

    private static final int CALLERS = 32;

    public static class WithGrace extends ClockedProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The shipped default (the %test profile turns it off for the reuse tests).
            return Map.of("auth.refresh-token.reuse-grace", "30S");
        }
    }

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void previousTokenWithinTheGraceGetsTheSameSuccessor() {
        String first = Api.newSession().path("refresh_token");
        String second = Api.refreshed(first);
        assertEquals(second, Api.refreshed(first), "no second live successor");
        Api.refreshed(second);
    }

    @Test
    void previousTokenAfterTheGraceRevokesTheSession() {
        String first = Api.newSession().path("refresh_token");
        String second = Api.refreshed(first);
        TestClock.advance(Duration.ofSeconds(31));
        assertInvalidGrant(Api.refresh(first));
        assertInvalidGrant(Api.refresh(second));
    }

    @Test
    void concurrentPresentationsOfOneTokenAllGetTheOneSuccessorAndTheSessionLives() throws Exception {
        String token = Api.newSession().path("refresh_token");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<String>> successors = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                successors.add(pool.submit(() -> {
                    start.await();
                    return Api.refreshed(token);
                }));
            }
            start.countDown();
            Set<String> distinct = new HashSet<>();
            for (Future<String> successor : successors) {
                distinct.add(successor.get());
            }
            assertEquals(1, distinct.size(), "every caller holds the same, single successor");
            Api.refreshed(distinct.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theGraceCoversOnlyTheImmediatelyPreviousToken() {
        String first = Api.newSession().path("refresh_token");
        String second = Api.refreshed(first);
        Api.refreshed(second);
        assertInvalidGrant(Api.refresh(first));
    }
}
