package dev.cards.auth.rest.oauth;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;

import dev.cards.auth.service.TokenRevocation;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The revocation endpoint of RFC 7009; like the token endpoint, its contract is the RFC. */
@Path("/oauth2/revoke")
public class RevocationEndpoint {

    private final TokenRevocation revocation;

    public RevocationEndpoint(TokenRevocation revocation) {
        this.revocation = revocation;
    }

    /** §2.2: 200 with an empty body, also for unknown, expired or already revoked tokens. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response revoke(@RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        var form = FormBody.parse(contentType, body);
        revocation.revoke(PresentedClient.from(authorization, form), form);
        return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
