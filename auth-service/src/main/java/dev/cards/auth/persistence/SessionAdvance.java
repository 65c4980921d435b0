package dev.cards.auth.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The common case of a refresh as one SQL statement in auto-commit: one round trip to the
 * database. The session row moves from the presented token to its successor (or just stays alive
 * when rotation is off) only if the presented token is its current one and the session is live;
 * the row lock the UPDATE takes makes exactly one of N concurrent refreshes, in any number of
 * processes, see a row. Everything else (unknown session, expiry, grace, reuse) returns empty and
 * is decided by {@code SessionService} under a row lock.
 *
 * <p>Plain JDBC because neither HQL nor JPA can return the updated row, and the statement's
 * spelling differs between PostgreSQL ({@code RETURNING}) and H2 ({@code FINAL TABLE}).
 */
@ApplicationScoped
public class SessionAdvance {

    /**
     * The session is this client's, the presented token its current one, it is live, and it is bound
     * to no DPoP key or to the key of the request's proof (a null key matches no bound session).
     */
    private static final String CURRENT_AND_LIVE = "id = ? AND client_id = ? AND token_hash = ? AND revoked_at IS NULL"
            + " AND expires_at > ? AND idle_expires_at > ? AND (dpop_jkt IS NULL OR dpop_jkt = ?)";

    private static final String SET_AND_WHERE = """
            UPDATE refresh_session
               SET token_hash = ?, previous_token_hash = CASE WHEN ? THEN token_hash ELSE previous_token_hash END,
                   rotated_at = CASE WHEN ? THEN ? ELSE rotated_at END,
                   idle_expires_at = LEAST(?, expires_at)
             WHERE """ + " " + CURRENT_AND_LIVE;

    private static final String POSTGRESQL = "WITH s AS (" + SET_AND_WHERE + " RETURNING user_id, idle_expires_at)"
            + " SELECT s.user_id, u.email, s.idle_expires_at FROM s JOIN app_user u ON u.id = s.user_id";

    private static final String H2 = "SELECT s.user_id, u.email, s.idle_expires_at FROM FINAL TABLE (" + SET_AND_WHERE
            + ") s JOIN app_user u ON u.id = s.user_id";

    /** The same conditions, read only: no row lock, no WAL, no commit to flush. */
    private static final String CURRENT = "SELECT s.user_id, u.email, s.idle_expires_at, s.expires_at FROM ("
            + "SELECT user_id, idle_expires_at, expires_at FROM refresh_session WHERE " + CURRENT_AND_LIVE
            + ") s JOIN app_user u ON u.id = s.user_id";

    private final DataSource dataSource;
    private final String sql;

    public SessionAdvance(DataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.sql = switch (dbKind) {
            case "postgresql" -> POSTGRESQL;
            case "h2" -> H2;
            default -> throw new IllegalStateException("No refresh statement for database kind " + dbKind);
        };
    }

    /** What a successful advance tells the caller: enough to issue the new token pair. */
    public record Advanced(UUID userId, String email, Instant idleExpiresAt) {
    }

    /** A live session as {@link #current} reads it. */
    public record Live(UUID userId, String email, Instant idleExpiresAt, Instant expiresAt) {
    }

    /**
     * Session {@code id} if it belongs to {@code clientId}, {@code presentedHash} is its current token,
     * it is live at {@code now} and unbound or bound to {@code dpopJkt}; nothing is written.
     */
    public Optional<Live> current(UUID id, String clientId, String presentedHash, Instant now, String dpopJkt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(CURRENT)) {
            statement.setObject(1, id);
            statement.setString(2, clientId);
            statement.setString(3, presentedHash);
            statement.setObject(4, at(now));
            statement.setObject(5, at(now));
            statement.setString(6, dpopJkt);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Live(row.getObject(1, UUID.class), row.getString(2),
                        row.getObject(3, OffsetDateTime.class).toInstant(), row.getObject(4, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Session read failed: " + e.getMessage(), e);
        }
    }

    /**
     * Moves session {@code id}, if it belongs to {@code clientId}, from {@code presentedHash} to {@code nextHash} (the same hash when
     * rotation is off) and pushes its idle end to {@code idleEnd}, capped by its absolute end; only a
     * session bound to no key or to {@code dpopJkt} moves.
     */
    public Optional<Advanced> advance(UUID id, String clientId, String presentedHash, String nextHash, Instant now, Instant idleEnd,
            String dpopJkt) {
        boolean rotates = !presentedHash.equals(nextHash);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 0;
            statement.setString(++i, nextHash);
            statement.setBoolean(++i, rotates);
            statement.setBoolean(++i, rotates);
            statement.setObject(++i, at(now));
            statement.setObject(++i, at(idleEnd));
            statement.setObject(++i, id);
            statement.setString(++i, clientId);
            statement.setString(++i, presentedHash);
            statement.setObject(++i, at(now));
            statement.setObject(++i, at(now));
            statement.setString(++i, dpopJkt);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Advanced(row.getObject(1, UUID.class), row.getString(2),
                        row.getObject(3, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Refresh statement failed: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
