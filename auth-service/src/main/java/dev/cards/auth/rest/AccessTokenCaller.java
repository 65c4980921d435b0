package dev.cards.auth.rest;

import dev.cards.auth.crypto.AccessTokens;
import dev.cards.auth.crypto.InvalidAccessTokenException;
import dev.cards.auth.crypto.SenderConstraint;
import dev.cards.http.dpop.DpopException;
import dev.cards.http.dpop.PresentedProof;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who calls an endpoint of this service with an access token: a Bearer token (RFC 6750 §2.1), or a
 * DPoP-bound one sent with the DPoP scheme and a proof by its key (RFC 9449 §7.1). A bound token
 * sent as Bearer is refused: a copy of it is worth nothing without the key (§7.2).
 */
@ApplicationScoped
public class AccessTokenCaller {

    private static final String BEARER = "Bearer ";
    private static final String DPOP = "DPoP ";

    private final AccessTokens accessTokens;
    private final SenderConstraint senderConstraint;

    public AccessTokenCaller(AccessTokens accessTokens, SenderConstraint senderConstraint) {
        this.accessTokens = accessTokens;
        this.senderConstraint = senderConstraint;
    }

    /** The user of a user's access token. */
    public AccessTokens.Verified of(String authorization, HttpServerRequest http) {
        return checked(authorization, http, false);
    }

    /** The client of a client-credentials access token (RFC 6749 §4.4), for this service's own APIs. */
    public AccessTokens.Verified client(String authorization, HttpServerRequest http) {
        return checked(authorization, http, true);
    }

    private AccessTokens.Verified checked(String authorization, HttpServerRequest http, boolean client) {
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        boolean dpop = authorization != null && authorization.regionMatches(true, 0, DPOP, 0, DPOP.length());
        if (!bearer && !dpop) {
            throw new MissingAccessTokenException();
        }
        String token = authorization.substring(bearer ? BEARER.length() : DPOP.length()).strip();
        AccessTokens.Verified verified = client ? accessTokens.verifyClient(token) : accessTokens.verify(token);
        if (bearer) {
            if (verified.dpopJkt() != null) {
                throw new InvalidAccessTokenException("The access token is bound to a DPoP key: send it as DPoP with a proof");
            }
            return verified;
        }
        if (verified.dpopJkt() == null) {
            throw new InvalidAccessTokenException("The access token is not bound to a DPoP key: send it as Bearer");
        }
        try {
            senderConstraint.checkResourceProof(PresentedProof.of(http), token, verified.dpopJkt());
        } catch (DpopException e) {
            throw new InvalidResourceProofException(e.error(), e.getMessage());
        }
        return verified;
    }
}
