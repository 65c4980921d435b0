package dev.cards.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/** The auth-service's metadata (RFC 8414 §3), read once to learn whether it takes DPoP (RFC 9449 §5.1). */
@Path("/.well-known/oauth-authorization-server")
interface AuthorizationServerMetadataApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode metadata();
}
