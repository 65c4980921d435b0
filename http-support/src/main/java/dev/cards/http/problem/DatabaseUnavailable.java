package dev.cards.http.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells a lost database apart from a bug: a failure caused by a connection that could not be made
 * or broke (JDBC SQLState class 08, "connection exception") is the database being away, answered
 * 503 with Retry-After (RFC 9110 §15.6.4) rather than 500. A transaction that failed without
 * saying why (Narayana may attach the reason only later) counts too when a fresh connection cannot
 * be had right now. Logged at most once per interval, so an outage under load writes a line, not
 * a flood.
 */
@ApplicationScoped
public class DatabaseUnavailable {

    public static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;
    private static final AtomicLong LAST_LOGGED = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    private final AgroalDataSource dataSource;

    public DatabaseUnavailable(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the database being away explains this failure. */
    public boolean explains(Throwable failure) {
        return causes(failure) || (inTransaction(failure) && !reachable());
    }

    private static boolean inTransaction(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.transaction.RollbackException || t instanceof jakarta.transaction.SystemException
                    || t instanceof SQLException || t instanceof org.hibernate.JDBCException) {
                return true;
            }
        }
        return false;
    }

    private boolean reachable() {
        try {
            return dataSource.isHealthy(true);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the failure, a cause or a suppressed one (a failed commit keeps its reason there) lost the database. */
    static boolean causes(Throwable failure) {
        return causes(failure, 0);
    }

    private static boolean causes(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return false;
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException
                || t instanceof org.hibernate.exception.JDBCConnectionException
                // No connection could be had from the pool (none made, or the one handed out broke
                // while joining the transaction: Agroal then keeps no cause that says so).
                || (t instanceof org.hibernate.JDBCException jdbc && jdbc.getMessage() != null
                        && jdbc.getMessage().startsWith("Unable to acquire JDBC Connection"))
                || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (causes(suppressed, depth + 1)) {
                return true;
            }
        }
        return t.getCause() != t && causes(t.getCause(), depth + 1);
    }

    public static void log(Throwable failure) {
        long now = System.nanoTime();
        long last = LAST_LOGGED.get();
        if (now - last >= LOG_INTERVAL_NANOS && LAST_LOGGED.compareAndSet(last, now)) {
            LOG.warnf("The database cannot be reached; answering 503 (%s)", failure.getClass().getSimpleName());
        }
    }
}
