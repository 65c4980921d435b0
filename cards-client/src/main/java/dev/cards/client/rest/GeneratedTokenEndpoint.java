package dev.cards.client.rest;

import dev.cards.client.api.auth.api.AuthApi;
import dev.cards.client.api.auth.model.RefreshRequest;
import dev.cards.client.error.AccessTokenRejectedException;
import dev.cards.client.error.ApiException;
import dev.cards.client.error.AuthServiceUnavailableException;
import dev.cards.client.error.InvalidRequestException;
import dev.cards.client.error.ServerErrorException;
import dev.cards.client.error.ServiceUnreachableException;
import dev.cards.client.session.RefreshRejectedException;
import dev.cards.client.session.TokenEndpoint;
import dev.cards.client.session.TokenResponse;

/**
 * POST /auth/refresh through the generated auth client that has no bearer filter. 400/401 mean the
 * grant is dead ({@code invalid_grant}); anything transient keeps the session.
 */
public class GeneratedTokenEndpoint implements TokenEndpoint {

    private final AuthApi tokenClient;

    public GeneratedTokenEndpoint(AuthApi tokenClient) {
        this.tokenClient = tokenClient;
    }

    @Override
    public TokenResponse refresh(String refreshToken) {
        try {
            var response = tokenClient.refresh(new RefreshRequest().refreshToken(refreshToken));
            return new TokenResponse(response.getAccessToken(), response.getRefreshToken(), response.getExpiresIn(),
                    response.getRefreshExpiresIn() == null ? 0 : response.getRefreshExpiresIn());
        } catch (RuntimeException e) {
            RuntimeException failure = Failures.translate(e);
            if (failure instanceof AccessTokenRejectedException || failure instanceof InvalidRequestException) {
                throw new RefreshRejectedException(((ApiException) failure).problem().summary());
            }
            if (failure instanceof ServerErrorException || failure instanceof ServiceUnreachableException
                    || failure instanceof ApiException) {
                throw new AuthServiceUnavailableException("auth service unavailable: " + failure.getMessage(), failure);
            }
            throw new AuthServiceUnavailableException("refresh failed: " + failure, failure);
        }
    }
}
