package dev.cards.auth.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.cards.auth.config.AuthConfig;
import dev.cards.auth.persistence.RefreshSession;
import dev.cards.auth.persistence.User;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * At most {@code auth.session.max-per-account} live sessions per account (OWASP Session Management
 * Cheat Sheet: limit simultaneous sessions): starting one more ends the least recently used, the
 * live session whose idle end is earliest (each refresh moves it later). The user row is locked
 * first, so concurrent logins of one account, in any replica, start their sessions one at a time
 * and the cap holds.
 */
// Eager: a cap below 1 must stop start-up, not the first login.
@Startup
@ApplicationScoped
public class SessionCap {

    private static final Logger LOG = Logger.getLogger(SessionCap.class);

    private final int max;

    public SessionCap(AuthConfig config) {
        this.max = config.session().maxPerAccount();
        if (max < 1) {
            throw new IllegalStateException("auth.session.max-per-account (AUTH_SESSION_MAX_PER_ACCOUNT) is " + max
                    + "; it must be at least 1 (0 would refuse every login)");
        }
    }

    /** Ends sessions of {@code user} so that one more fits; call in the transaction that starts it. */
    void makeRoom(User user, Instant now) {
        User.getEntityManager().lock(user, LockModeType.PESSIMISTIC_WRITE);
        List<UUID> live = RefreshSession.liveOf(user.id, now);
        int excess = live.size() - max + 1;
        if (excess > 0) {
            RefreshSession.revokeAll(live.subList(0, excess), now);
            LOG.debugf("Ended %s least recently used session(s) of user %s: at most %s live per account", Integer.valueOf(excess), user.id,
                    Integer.valueOf(max));
        }
    }
}
