package dev.cards.auth.rest;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import dev.cards.http.problem.Problem;
import jakarta.ws.rs.core.Application;

/**
 * The API's description and the error responses its operations share. Operations that take an access
 * token declare {@link #BEARER_SCHEME}; generated clients attach the token to exactly those.
 */
@SecurityScheme(securitySchemeName = AuthApiDefinition.BEARER_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An access token from /auth/login or /auth/refresh")
@OpenAPIDefinition(
        info = @Info(title = "cards auth-service", version = "1.0",
                description = "Signs users in and issues, rotates and revokes their tokens."),
        components = @Components(responses = {
                @APIResponse(name = "BadRequest", responseCode = "400", description = "Malformed or invalid request",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "InvalidCredentials", responseCode = "401", description = "Unknown email or wrong password",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "InvalidGrant", responseCode = "401",
                        description = "The refresh token is missing, invalid, expired, revoked or reused (error invalid_grant); "
                                + "the refresh cookie is cleared",
                        headers = {@Header(name = "Set-Cookie", schema = @Schema(type = SchemaType.STRING)),
                                   @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING))},
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "InvalidToken", responseCode = "401",
                        description = "No, or an invalid or expired, access token (RFC 6750 §3)",
                        headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "CrossSite", responseCode = "403",
                        description = "The refresh token came by cookie alone, without an allowed Origin and X-Requested-With "
                                + "(CSRF check); nothing changed",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "WrongPassword", responseCode = "403",
                        description = "The current password is wrong (counted like a failed login); the access token is fine",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "NotFound", responseCode = "404", description = "No such resource of the caller",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Conflict", responseCode = "409", description = "The email already has an account",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "PayloadTooLarge", responseCode = "413", description = "The body is too large",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "UnsupportedMediaType", responseCode = "415", description = "The body is not JSON",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "TooManyRequests", responseCode = "429",
                        description = "Too many failed logins or sign-ups from this client address (for this email); retry after the given seconds",
                        headers = @Header(name = "Retry-After", required = true, schema = @Schema(type = SchemaType.INTEGER)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
        }))
public class AuthApiDefinition extends Application {

    public static final String BEARER_SCHEME = "bearerAuth";
}
