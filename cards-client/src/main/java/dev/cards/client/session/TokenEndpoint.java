package dev.cards.client.session;

import dev.cards.client.error.AuthServiceUnavailableException;

/**
 * The auth-service's refresh operation, called through a client without the bearer filter (the
 * refresh token is the credential; an access token must never be attached or refreshed here).
 */
@FunctionalInterface
public interface TokenEndpoint {

    /**
     * Exchanges the refresh token for a new token response. Blocking.
     *
     * @throws RefreshRejectedException when the service answers {@code invalid_grant} (or any 400/401)
     * @throws AuthServiceUnavailableException on connection failure, timeout or 5xx
     */
    TokenResponse refresh(String refreshToken);
}
