package dev.cards.auth.service;

import java.util.Map;

import dev.cards.auth.crypto.AccessTokens;
import dev.cards.auth.crypto.InvalidAccessTokenException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * RFC 7009 revocation: a refresh token ends its session, through the same revocation as
 * /auth/logout; the client must be the token's (§2.1); unknown tokens are not an error (§2.2).
 */
@ApplicationScoped
public class TokenRevocation {

    private final ClientRegistry clients;
    private final SessionService sessions;
    private final AccessTokens accessTokens;

    public TokenRevocation(ClientRegistry clients, SessionService sessions, AccessTokens accessTokens) {
        this.clients = clients;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
    }

    /** {@code token_type_hint} is only a hint (§2.1): every token is looked up the same way. */
    public void revoke(ClientCredentials credentials, Map<String, String> form) {
        String token = TokenGrants.required(form, "token");
        RegisteredClient client = clients.authenticate(credentials);
        if (isAccessToken(token)) {
            // §2.2.1: self-contained access tokens stay valid until they expire; say so rather than pretend.
            throw OAuthException.unsupportedTokenType("Access tokens cannot be revoked; they expire on their own");
        }
        try {
            sessions.revoke(token, client.id());
        } catch (SessionOfAnotherClientException e) {
            // RFC 6749 §5.2: invalid_grant covers a token "issued to another client".
            throw OAuthException.invalidGrant(e.getMessage());
        }
    }

    private boolean isAccessToken(String token) {
        if (token.indexOf('.') < 0) {
            return false;
        }
        try {
            accessTokens.verify(token);
            return true;
        } catch (InvalidAccessTokenException e) {
            return false;
        }
    }
}
