package dev.cards.deck.rest;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.cards.http.problem.Problem;
import jakarta.ws.rs.core.Application;

/** The API's description and the error responses its operations share (all RFC 9457). */
@OpenAPIDefinition(
        info = @Info(title = "cards-service", version = "1.0",
                description = "Each user's flash cards. Every endpoint needs an access token from the auth-service."),
        components = @Components(responses = {
                @APIResponse(name = "BadRequest", responseCode = "400",
                        description = "Invalid request: malformed JSON, a field out of its limits (see `errors`), bad paging",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "InvalidToken", responseCode = "401",
                        description = "No access token (`WWW-Authenticate: Bearer`), or an invalid or expired one "
                                + "(`Bearer error=\"invalid_token\", error_description=\"...\"`, RFC 6750 §3); "
                                + "the description says \"The access token expired\" on expiry",
                        headers = @Header(name = "WWW-Authenticate", required = true, schema = @Schema(type = SchemaType.STRING)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "InsufficientScope", responseCode = "403",
                        description = "A valid access token without the group `user` (`Bearer error=\"insufficient_scope\"`)",
                        headers = @Header(name = "WWW-Authenticate", required = true, schema = @Schema(type = SchemaType.STRING)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "NotFound", responseCode = "404",
                        description = "No such card for this user; also another user's card and a malformed id",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "NotAcceptable", responseCode = "406", description = "The Accept header excludes JSON",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "PreconditionFailed", responseCode = "412",
                        description = "If-Match does not name the card's current version; fetch it again",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "ContentTooLarge", responseCode = "413", description = "The body is larger than 64 KiB",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "UnsupportedMediaType", responseCode = "415", description = "The body is not application/json",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
        }))
public class CardsApiDefinition extends Application {
}
