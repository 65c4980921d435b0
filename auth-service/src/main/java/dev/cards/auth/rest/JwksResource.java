package dev.cards.auth.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.cards.auth.crypto.SigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The public keys that verify our access tokens (RFC 7517 §5). */
@Path("/.well-known/jwks.json")
@Tag(name = "keys")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "jwks", summary = "The JSON Web Key Set of every key that may verify a live access token")
    @APIResponse(responseCode = "200", description = "The key set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JwkSet.class)))
    public Response jwks() {
        // Short cache: verifiers re-fetch on an unknown kid anyway, and a rotation should spread fast.
        return Response.ok(keys.jwksJson()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300").build();
    }
}
