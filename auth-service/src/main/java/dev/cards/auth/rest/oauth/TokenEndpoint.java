package dev.cards.auth.rest.oauth;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.cards.auth.rest.ClientAddress;
import dev.cards.auth.rest.TokenResponse;
import dev.cards.auth.service.TokenGrants;
import dev.cards.http.dpop.DpopException;
import dev.cards.http.dpop.PresentedProof;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The OAuth 2.0 token endpoint (RFC 6749 §3.2). Its contract is the RFC and the metadata
 * document, so it stays out of the OpenAPI document the cards-client is generated from.
 */
@Path("/oauth2/token")
public class TokenEndpoint {

    private final TokenGrants grants;
    private final ClientAddress clientAddress;

    public TokenEndpoint(TokenGrants grants, ClientAddress clientAddress) {
        this.grants = grants;
        this.clientAddress = clientAddress;
    }

    /** Any content type reaches here, so a wrong one is invalid_request (§5.2), not a 415 problem. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response token(@RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, String body, @Context HttpServerRequest http) {
        var form = FormBody.parse(contentType, body);
        var tokens = grants.exchange(PresentedClient.from(authorization, form), form, clientAddress.of(http),
                PresentedProof.of(http));
        // §5.1: the response carries tokens, so no cache may keep it.
        return Response.ok(TokenResponse.of(tokens))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    /**
     * A refused proof or a nonce asked for, in the token endpoint's format (RFC 9449 §5, §8): 400
     * with the OAuth error JSON; the nonce to use travels in `DPoP-Nonce` (added to every answer to
     * a request with a proof by {@code DpopNonceFilter}).
     */
    @ServerExceptionMapper
    public Response dpopRefused(DpopException e) {
        return Response.status(400)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthError(e.error(), e.getMessage()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
