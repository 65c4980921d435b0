package dev.cards.auth.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The race Keycloak shipped as CVE-2026-1035: parallel refreshes of one token. */
@QuarkusTest
class ParallelRefreshTest {

    private static final int CALLERS = 16;

    @Test
    void parallelRefreshesOfOneTokenGiveExactlyOneSuccess() throws Exception {
        String token = Api.newSession().path("refresh_token");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return Api.refresh(token).statusCode();
                }));
            }
            start.countDown();
            int successes = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                if (status == 200) {
                    successes++;
                } else {
                    assertEquals(401, status);
                }
            }
            assertEquals(1, successes);
        } finally {
            pool.shutdownNow();
        }
    }
}
