package dev.cards.http.dpop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProofUse;
import com.nimbusds.oauth2.sdk.util.singleuse.AlreadyUsedException;
import com.nimbusds.oauth2.sdk.util.singleuse.SingleUseChecker;

/**
 * The `jti` of every accepted proof, per key, in the service's database (table
 * {@code dpop_proof_use}), so a proof is accepted once on any replica (RFC 9449 §11.1). A row
 * outlives the proof's acceptance window and is then purged; a proof older than the window is
 * refused by its `iat` anyway. The insert commits on its own (autocommit), outside any
 * transaction of the request, so a refused request still burns the proof.
 */
public class ProofReplayStore implements SingleUseChecker<DPoPProofUse> {

    private static final Logger LOG = Logger.getLogger(ProofReplayStore.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final long retainMillis;
    private final AtomicLong nextPurge = new AtomicLong();

    public ProofReplayStore(DataSource dataSource, Clock clock, DpopSettings settings) {
        this.dataSource = dataSource;
        this.clock = clock;
        // The whole window an iat can be accepted in: max age behind, skew ahead.
        this.retainMillis = settings.maxAge().plus(settings.clockSkew()).toMillis() + 1000;
    }

    @Override
    public void markAsUsed(DPoPProofUse use) throws AlreadyUsedException {
        Instant now = clock.instant();
        String id = idOf(use.getIssuer().getValue(), use.getJWTID().getValue());
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO dpop_proof_use (id, expires_at) VALUES (?, ?)")) {
            insert.setString(1, id);
            insert.setTimestamp(2, Timestamp.from(now.plusMillis(retainMillis)));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new AlreadyUsedException("The proof was used before");
            }
            throw new IllegalStateException("The DPoP proof could not be recorded", e);
        }
        purgeNowAndThen(now);
    }

    /** At most once per retention period, by whichever request comes first; cheap with the index. */
    private void purgeNowAndThen(Instant now) {
        long due = nextPurge.get();
        if (now.toEpochMilli() < due || !nextPurge.compareAndSet(due, now.toEpochMilli() + retainMillis)) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM dpop_proof_use WHERE expires_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now));
            int purged = delete.executeUpdate();
            LOG.debugf("Purged %d used DPoP proofs", purged);
        } catch (SQLException e) {
            LOG.debugf(e, "Purging used DPoP proofs failed; the next purge retries");
        }
    }

    /** The key's thumbprint and the jti, hashed: fixed length whatever a client sends as jti. */
    static String idOf(String keyThumbprint, String jti) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(keyThumbprint.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(jti.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
