package dev.cards.client;

import java.util.function.Supplier;

import dev.cards.client.auth.api.AuthApi;
import dev.cards.client.auth.model.RefreshRequest;
import dev.cards.client.error.ApiException;
import dev.cards.client.error.AuthServiceUnavailableException;
import dev.cards.client.error.CardsClientException;
import dev.cards.client.error.ClientConfigurationException;
import dev.cards.client.error.ServiceUnreachableException;

/**
 * POST /auth/refresh through the token client, which carries no access token. Only
 * {@code invalid_grant} (RFC 6749 §5.2) means the grant is dead and the session over; any other 4xx
 * ({@code invalid_client}, {@code unauthorized_client}, an unknown path) is a configuration error and
 * keeps the session; a 429, a 5xx or no answer at all is transient (its outcome unknown).
 */
final class AuthApiRefreshEndpoint implements RefreshEndpoint {

    private static final String INVALID_GRANT = "invalid_grant";

    private final Supplier<AuthApi> tokenClient;

    AuthApiRefreshEndpoint(Supplier<AuthApi> tokenClient) {
        this.tokenClient = tokenClient;
    }

    @Override
    public IssuedTokens refresh(String refreshToken) {
        try {
            var response = tokenClient.get().refresh(new RefreshRequest().refreshToken(refreshToken));
            return new IssuedTokens(response.getAccessToken(), response.getRefreshToken(),
                    response.getExpiresIn() == null ? 0 : response.getExpiresIn(),
                    response.getRefreshExpiresIn() == null ? 0 : response.getRefreshExpiresIn(),
                    IssuedTokens.tokenType(response.getTokenType()));
        } catch (RuntimeException e) {
            throw classify(Failures.translate(e));
        }
    }

    private static RuntimeException classify(RuntimeException failure) {
        if (failure instanceof ApiException api) {
            int status = api.status();
            if ((status == 400 || status == 401) && INVALID_GRANT.equals(api.problem().error())) {
                return new RefreshRejectedException(api.problem().summary());
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                return new ClientConfigurationException(status, api.problem());
            }
            return new AuthServiceUnavailableException("auth service unavailable: " + failure.getMessage(), failure);
        }
        if (failure instanceof CardsClientException known && !(failure instanceof ServiceUnreachableException)) {
            return known;
        }
        return new AuthServiceUnavailableException("refresh failed: " + failure.getMessage(), failure);
    }
}
