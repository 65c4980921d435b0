package dev.cards.auth.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import dev.cards.auth.crypto.AccessTokens;
import dev.cards.auth.service.AccountService;
import dev.cards.auth.service.SessionService;
import dev.cards.http.problem.Problem;
import dev.cards.http.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What a signed-in user manages: their sessions, their password, their account. Every answer is
 * `Cache-Control: no-store` (it is about one user); the rules live in the services.
 */
@Path("/auth")
@Tag(name = "auth")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@SecurityRequirement(name = AuthApiDefinition.BEARER_SCHEME)
public class AccountResource {

    private static final String NO_STORE = "no-store";

    private final SessionService sessions;
    private final AccountService accounts;
    private final AccessTokenCaller caller;
    private final ClientAddress clientAddress;

    public AccountResource(SessionService sessions, AccountService accounts, AccessTokenCaller caller,
            ClientAddress clientAddress) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.caller = caller;
        this.clientAddress = clientAddress;
    }

    @GET
    @Path("/sessions")
    @Operation(operationId = "listSessions", summary = "The signed-in user's live sessions, the most recently used first")
    @APIResponse(responseCode = "200", description = "The sessions; `current` marks the caller's own",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionListResponse.class)))
    @APIResponse(responseCode = "401", ref = "InvalidToken")
    public Response listSessions(@Parameter(hidden = true) @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest http) {
        AccessTokens.Verified me = caller.of(authorization, http);
        List<SessionResponse> items = sessions.liveSessionsOf(me.userId()).stream()
                .map(s -> SessionResponse.of(s, me.sessionId())).toList();
        return Response.ok(new SessionListResponse(items)).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    @DELETE
    @Path("/sessions/{id}")
    @Operation(operationId = "endSession", summary = "End one of the signed-in user's sessions at once",
            description = "Its next refresh fails. Another user's session, or one already ended, answers 404.")
    @APIResponse(responseCode = "204", description = "The session is ended")
    @APIResponse(responseCode = "401", ref = "InvalidToken")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response endSession(@Parameter(hidden = true) @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest http, @RestPath String id) {
        AccessTokens.Verified me = caller.of(authorization, http);
        UUID publicId = uuidOrNull(id);
        // Like cards: an id that is not the caller's is not found, whoever's it is (no oracle).
        if (publicId == null || !sessions.end(me.userId(), publicId)) {
            throw new ProblemException(404, "No such session", null);
        }
        return Response.noContent().header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changePassword", summary = "Change the signed-in user's password",
            description = "The current password is checked and throttled like a login. Every other session ends; "
                    + "the caller's stays.")
    @APIResponse(responseCode = "204", description = "Changed; the other sessions are ended")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "InvalidToken")
    @APIResponse(responseCode = "403", ref = "WrongPassword")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response changePassword(@Parameter(hidden = true) @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest http, @NotNull @Valid PasswordChangeRequest request) {
        AccessTokens.Verified me = caller.of(authorization, http);
        accounts.changePassword(me.userId(), request.currentPassword(), request.newPassword(), clientAddress.of(http),
                me.sessionId());
        return Response.noContent().header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    @POST
    @Path("/account/deletion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "deleteAccount", summary = "Delete the signed-in user's account and every card of it",
            description = "The password is checked and throttled like a login. Every session ends at once; the cards "
                    + "are deleted by the cards-service, also if it is down now (once it is back). A new account with "
                    + "the same email is a new user.")
    @APIResponse(responseCode = "204", description = "Deleted; the refresh cookie is cleared",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Set-Cookie",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "InvalidToken")
    @APIResponse(responseCode = "403", ref = "WrongPassword")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response deleteAccount(@Parameter(hidden = true) @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest http, @NotNull @Valid AccountDeletionRequest request) {
        AccessTokens.Verified me = caller.of(authorization, http);
        accounts.deleteAccount(me.userId(), request.password(), clientAddress.of(http));
        return Response.noContent().header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .header(RefreshCookie.HEADER, RefreshCookie.cleared()).build();
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id.length() == 36 ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
