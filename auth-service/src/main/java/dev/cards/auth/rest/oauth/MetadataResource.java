package dev.cards.auth.rest.oauth;

import dev.cards.auth.crypto.SenderConstraint;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.cards.auth.config.AuthConfig;
import dev.cards.auth.service.ClientRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * RFC 8414 metadata, also at the OpenID Connect Discovery address that quarkus-oidc-client and
 * openid-client read by default. The same document at both: it claims no OpenID Connect
 * feature (no ID tokens, userinfo or authorization endpoint), only what is implemented.
 */
@Path("/.well-known")
public class MetadataResource {

    private static final List<String> AUTH_METHODS = List.of("none", "client_secret_basic", "client_secret_post");

    private final ServerMetadata metadata;

    public MetadataResource(AuthConfig config, ClientRegistry clients, SenderConstraint senderConstraint) {
        String issuer = config.issuer();
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        // RFC 8414 §2: response_types_supported is required; there is no authorization endpoint, so none.
        // The password grant is named only while some client opted in to it (off by default, RFC 9700 §2.4).
        // RFC 9449 §5.1: the proof algorithms say that this server binds tokens to DPoP keys.
        this.metadata = new ServerMetadata(issuer, base + "/oauth2/token", base + "/oauth2/revoke",
                base + "/.well-known/jwks.json", clients.grantTypesInUse(), AUTH_METHODS, AUTH_METHODS,
                List.of(), senderConstraint.settings().algorithms());
    }

    /** RFC 8414 §3: the issuer plus this path. */
    @GET
    @Path("/oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response authorizationServer() {
        return document();
    }

    @GET
    @Path("/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response openidConfiguration() {
        return document();
    }

    private Response document() {
        return Response.ok(metadata).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300").build();
    }
}
