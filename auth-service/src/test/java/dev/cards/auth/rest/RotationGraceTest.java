package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.assertInvalidGrant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
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

import dev.cards.auth.config.AuthConfig;
import dev.cards.auth.config.OAuthConfig;
import dev.cards.auth.crypto.AccessTokens;
import dev.cards.auth.crypto.RefreshTokenCodec;
import dev.cards.auth.crypto.SigningKeys;
import dev.cards.auth.crypto.SuccessorKey;
import dev.cards.auth.metrics.AuthMetrics;
import dev.cards.auth.persistence.ServiceSecrets;
import dev.cards.auth.persistence.SessionAdvance;
import dev.cards.auth.service.ClientRegistry;
import dev.cards.auth.service.SessionCap;
import dev.cards.auth.service.SessionService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

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

    @Inject
    AuthConfig config;
    @Inject
    OAuthConfig oauth;
    @Inject
    Clock clock;
    @Inject
    AuthMetrics metrics;
    @Inject
    SessionAdvance advance;
    @Inject
    ServiceSecrets secrets;
    @Inject
    SessionCap cap;
    @Inject
    ClientRegistry clients;

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
    void aRetryWithinTheGraceAtAReplicaWithAnotherSigningKeyGetsTheSameSuccessorAndTheSessionLives() {
        String first = Api.newSession().path("refresh_token");
        String second = Api.refreshed(first);
        // A rolling key change: the retry reaches a replica that already signs with the new key.
        assertEquals(second, replicaWithANewSigningKey().refresh(first, null).refreshToken());
        Api.refreshed(second);
    }

    /** Another replica on the same database, started with a signing key of its own. */
    private SessionService replicaWithANewSigningKey() {
        SigningKeys newKey = new SigningKeys(config);
        return new SessionService(config, new AccessTokens(config, newKey), new RefreshTokenCodec(new SuccessorKey(config, secrets)),
                clock, metrics, advance, oauth, cap, clients);
    }

    @Test
    void theGraceCoversOnlyTheImmediatelyPreviousToken() {
        String first = Api.newSession().path("refresh_token");
        String second = Api.refreshed(first);
        Api.refreshed(second);
        assertInvalidGrant(Api.refresh(first));
    }
}
