package dev.cards.auth.crypto;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import dev.cards.auth.config.AuthConfig;
import dev.cards.auth.config.OAuthConfig.DpopPolicy;
import dev.cards.auth.persistence.ServiceSecrets;
import dev.cards.http.dpop.DpopException;
import dev.cards.http.dpop.DpopNonces;
import dev.cards.http.dpop.DpopProofs;
import dev.cards.http.dpop.DpopSettings;
import dev.cards.http.dpop.PresentedProof;
import dev.cards.http.dpop.ProofReplayStore;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DPoP (RFC 9449) at the auth-service: which key a token request binds its tokens to, the proof a
 * bound access token must come with, and the server's nonces. Proofs are checked by the shared
 * {@link DpopProofs}; used proofs are remembered in this service's database, and the nonce secret
 * is shared by every replica through it.
 */
// Eager: a wrong auth.dpop.* setting stops start-up, not the first token request.
@Startup
@ApplicationScoped
public class SenderConstraint {

    private static final String NONCE_SECRET = "dpop-nonce";

    private final AuthConfig.Dpop config;
    private final DpopSettings settings;
    private final DataSource dataSource;
    private final Clock clock;
    private final ServiceSecrets secrets;
    private volatile DpopProofs proofs;

    public SenderConstraint(AuthConfig config, DataSource dataSource, Clock clock, ServiceSecrets secrets) {
        this.config = config.dpop();
        this.settings = this.config.settings();
        if (this.config.nonceStep().compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException("auth.dpop.nonce-step must be at least 1 s");
        }
        this.dataSource = dataSource;
        this.clock = clock;
        this.secrets = secrets;
    }

    public DpopSettings settings() {
        return settings;
    }

    /** The nonce a client is to put in its next proof (§8). */
    public String currentNonce() {
        return proofs().currentNonce();
    }

    /** Made at first use, not at start: the nonce secret is in the database, which may be down at start. */
    private DpopProofs proofs() {
        DpopProofs made = proofs;
        if (made == null) {
            synchronized (this) {
                made = proofs;
                if (made == null) {
                    made = new DpopProofs(settings, new ProofReplayStore(dataSource, clock, settings),
                            new DpopNonces(secrets.getOrCreate(NONCE_SECRET), config.nonceStep(), clock), config.nonceRequired());
                    proofs = made;
                }
            }
        }
        return made;
    }

    /**
     * The thumbprint of the key a token request binds its tokens to, or null for bearer tokens.
     * {@code policy} is the client's: `off` ignores the header (§5: as a server without DPoP would),
     * `required` refuses a request without one. A proof must carry a fresh nonce of this server when
     * nonces are required (§8); the check comes before any password is hashed.
     */
    public String keyForTokenRequest(DpopPolicy policy, PresentedProof presented) {
        if (policy == DpopPolicy.OFF) {
            return null;
        }
        if (!presented.present()) {
            if (policy == DpopPolicy.REQUIRED) {
                throw DpopException.invalidProof("This client must send a DPoP proof with its token requests");
            }
            return null;
        }
        return proofs().forTokenRequest(presented.target(), presented.values()).jkt();
    }

    /** Checks the proof a request with an access token bound to {@code boundJkt} must carry (§7.1). */
    public void checkResourceProof(PresentedProof presented, String accessToken, String boundJkt) {
        proofs().forResource(presented.target(), presented.values(), accessToken, boundJkt);
    }
}
