package dev.cards.client;

import dev.cards.client.error.AuthServiceUnavailableException;

/**
 * The auth-service's refresh operation, called through a client without the bearer filter (the
 * refresh token is the credential; an access token must never be attached or refreshed here).
 */
@FunctionalInterface
interface RefreshEndpoint {

    /**
     * Exchanges the refresh token for a new token response. Blocking.
     *
     * @throws RefreshRejectedException when the service answers {@code invalid_grant} (RFC 6749 §5.2): the grant is dead
     * @throws dev.cards.client.error.ClientConfigurationException on any other 4xx: the client is misconfigured; the session stays
     * @throws AuthServiceUnavailableException on connection failure, timeout or 5xx
     */
    IssuedTokens refresh(String refreshToken);
}
