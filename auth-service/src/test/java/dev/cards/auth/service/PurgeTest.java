package dev.cards.auth.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cards.auth.crypto.RefreshTokenCodec;
import dev.cards.auth.persistence.RefreshSession;
import dev.cards.auth.persistence.ThrottleEntry;
import dev.cards.auth.rest.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Ended sessions and stale throttle rows are deleted on a schedule; live ones stay. Rows are
 * aged by moving their timestamps back, which is what the passing of time would do.
 */
@QuarkusTest
class PurgeTest {

    @Inject
    Purge purge;

    @Inject
    Scheduler scheduler;

    @Inject
    RefreshTokenCodec codec;

    @Test
    void thePurgeIsScheduled() {
        assertNotNull(scheduler.getScheduledJob(Purge.JOB));
    }

    @Test
    void sessionsThatEndedLongAgoAreDeletedAndLiveOnesKept() {
        UUID live = sessionOf(Api.newSession().path("refresh_token"));
        UUID revoked = sessionOf(Api.newSession().path("refresh_token"));
        UUID expired = sessionOf(Api.newSession().path("refresh_token"));
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        QuarkusTransaction.requiringNew().run(() -> {
            RefreshSession.update("revokedAt = ?1 where id = ?2", twoDaysAgo, revoked);
            RefreshSession.update("expiresAt = ?1, idleExpiresAt = ?1 where id = ?2", twoDaysAgo, expired);
        });

        purge.run();

        assertNotNull(find(live));
        assertNull(find(revoked));
        assertNull(find(expired));
    }

    @Test
    void staleThrottleRowsAreDeletedAlsoForEmailsWithoutAnAccount() {
        long before = QuarkusTransaction.requiringNew().call(() -> ThrottleEntry.count());
        Api.api().contentType(ContentType.JSON).body(Map.of("email", Api.newEmail(), "password", "wrong password"))
                .post("/auth/login").then().statusCode(401); // no such account: two rows (pair, address)
        QuarkusTransaction.requiringNew().run(() -> ThrottleEntry.update("staleAfter = ?1 where staleAfter > ?2",
                Instant.now().minusSeconds(1), Instant.now().plus(Duration.ofMinutes(14))));

        purge.run();

        long after = QuarkusTransaction.requiringNew().call(() -> ThrottleEntry.count());
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ThrottleEntry.count("staleAfter < ?1", Instant.now())));
        org.junit.jupiter.api.Assertions.assertTrue(after < before + 2, before + " rows before, " + after + " after");
    }

    private UUID sessionOf(String refreshToken) {
        return codec.sessionOf(refreshToken);
    }

    private static RefreshSession find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> RefreshSession.findById(id));
    }
}
