package dev.cards.auth.service;

import java.time.Clock;
import java.time.Instant;

import org.jboss.logging.Logger;

import dev.cards.auth.config.AuthConfig;
import dev.cards.auth.persistence.RefreshSession;
import dev.cards.auth.persistence.ThrottleEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes what no longer decides anything: sessions that ended more than
 * {@code auth.purge.keep-ended-sessions} ago, and throttle rows whose window and lock are over
 * (also those of emails that have no account). Every replica runs it on its own schedule: each is
 * one idempotent DELETE by time, so replicas running it at once only share the work, and a row a
 * refresh holds locked is deleted after that refresh commits.
 */
@ApplicationScoped
public class Purge {

    static final String JOB = "auth-purge";
    private static final Logger LOG = Logger.getLogger(Purge.class);

    private final Clock clock;
    private final AuthConfig.Purge config;

    public Purge(Clock clock, AuthConfig config) {
        this.clock = clock;
        this.config = config.purge();
    }

    @Scheduled(identity = JOB, every = "${auth.purge.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        run();
    }

    /** Purges now; the counts deleted. */
    public Result run() {
        Instant now = clock.instant();
        long sessions = QuarkusTransaction.requiringNew()
                .call(() -> RefreshSession.purgeEndedBefore(now.minus(config.keepEndedSessions())));
        long throttles = QuarkusTransaction.requiringNew().call(() -> ThrottleEntry.purgeStale(now));
        if (sessions + throttles > 0) {
            LOG.infof("Purged %d ended sessions and %d stale throttle rows", sessions, throttles);
        }
        return new Result(sessions, throttles);
    }

    /** What one purge deleted. */
    public record Result(long sessions, long throttleRows) {
    }
}
