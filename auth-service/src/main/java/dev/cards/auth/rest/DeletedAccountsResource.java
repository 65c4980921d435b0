package dev.cards.auth.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.cards.auth.crypto.AccessTokens;
import dev.cards.auth.service.DeletedAccounts;
import dev.cards.http.problem.Problem;
import dev.cards.http.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Deleted accounts, for the services that hold data of them (the cards-service): service to
 * service, with a client-credentials access token (RFC 6749 §4.4) of a consumer named in
 * {@code auth.account-deletion.consumers}. Not in the OpenAPI document the cards-client is made
 * from: no user calls it.
 */
@Path("/internal/account-deletions")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class DeletedAccountsResource {

    @RegisterForReflection
    public record Deletion(@JsonProperty("user_id") UUID userId, @JsonProperty("requested_at") Instant requestedAt) {
    }

    @RegisterForReflection
    public record Deletions(List<Deletion> items) {
    }

    private final DeletedAccounts deletedAccounts;
    private final AccessTokenCaller caller;

    public DeletedAccountsResource(DeletedAccounts deletedAccounts, AccessTokenCaller caller) {
        this.deletedAccounts = deletedAccounts;
        this.caller = caller;
    }

    @GET
    @Operation(hidden = true)
    public Response pending(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest http) {
        consumer(authorization, http);
        List<Deletion> items = deletedAccounts.pending().stream().map(d -> new Deletion(d.userId, d.requestedAt)).toList();
        return Response.ok(new Deletions(items)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Path("/{userId}")
    @Operation(hidden = true)
    public Response acknowledge(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest http,
            @RestPath String userId) {
        consumer(authorization, http);
        UUID id;
        try {
            id = UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(404, "No such deletion", null);
        }
        deletedAccounts.acknowledge(id);
        return Response.noContent().build();
    }

    private void consumer(String authorization, HttpServerRequest http) {
        AccessTokens.Verified client = caller.client(authorization, http);
        if (!deletedAccounts.mayRead(client.clientId())) {
            throw new ProblemException(403, "This client may not read deleted accounts", null);
        }
    }
}
