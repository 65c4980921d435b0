package dev.cards.client;

import java.net.URI;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cards.client.error.ApiException;
import dev.cards.client.error.ClientConfigurationException;
import dev.cards.client.error.ProblemDetails;

/**
 * Decides, at each login, whether the new session is bound to a DPoP key ({@link DPoPMode}). In
 * {@code AUTO} the auth-service's metadata decides: DPoP when {@code dpop_signing_alg_values_supported}
 * lists ES256 (RFC 9449 §5.1), the algorithm this client signs with. The metadata is fetched at the
 * first login and kept once the service has answered (a 4xx counts as "no DPoP"); a fetch that fails
 * does not fail the login, which goes on with Bearer tokens; no answer or a 5xx is tried again next time.
 */
final class DPoPDiscovery {

    private static final Logger LOG = Logger.getLogger(DPoPDiscovery.class);
    static final String ALGS_MEMBER = "dpop_signing_alg_values_supported";
    static final String ALG = "ES256";

    private final DPoPMode mode;
    private final URI authUrl;
    private final Supplier<AuthorizationServerMetadataApi> metadata;
    /** Null until the auth-service has answered the metadata request. */
    private volatile Boolean advertised;

    DPoPDiscovery(DPoPMode mode, URI authUrl, Supplier<AuthorizationServerMetadataApi> metadata) {
        this.mode = mode;
        this.authUrl = authUrl;
        this.metadata = metadata;
    }

    DPoPMode mode() {
        return mode;
    }

    /**
     * A new key for the session a login starts, or null for a Bearer session. Blocking (the first
     * call may fetch the metadata).
     *
     * @throws ClientConfigurationException in mode {@code ON} when the auth-service does not advertise DPoP with ES256
     */
    DPoPKey keyForLogin() {
        return switch (mode) {
            case OFF -> null;
            case AUTO -> advertised(false) ? DPoPKey.generate() : null;
            case ON -> {
                if (!advertised(true)) {
                    throw new ClientConfigurationException(400, new ProblemDetails("about:blank",
                            "The auth-service does not support DPoP", 400, "cards.client.dpop=on, but " + authUrl
                                    + "/.well-known/oauth-authorization-server does not list " + ALG + " in " + ALGS_MEMBER,
                            null, null, null));
                }
                yield DPoPKey.generate();
            }
        };
    }

    private boolean advertised(boolean required) {
        Boolean known = advertised;
        if (known != null) {
            return known;
        }
        JsonNode document;
        try {
            document = metadata.get().metadata();
        } catch (RuntimeException e) {
            RuntimeException failure = Failures.translate(e);
            if (failure instanceof ApiException answered && answered.status() < 500) {
                advertised = false; // it answered: no metadata, no DPoP (a 5xx or no answer is tried again)
            }
            if (required) {
                throw failure;
            }
            LOG.infof("DPoP off for this login: the auth-service's metadata could not be read (%s)", failure.getMessage());
            return false;
        }
        boolean supported = false;
        JsonNode algs = document == null ? null : document.get(ALGS_MEMBER);
        if (algs != null && algs.isArray()) {
            for (JsonNode alg : algs) {
                supported |= ALG.equals(alg.asText());
            }
        }
        LOG.debugf("auth-service %s %s DPoP with %s", authUrl, supported ? "advertises" : "does not advertise", ALG);
        advertised = supported;
        return supported;
    }
}
