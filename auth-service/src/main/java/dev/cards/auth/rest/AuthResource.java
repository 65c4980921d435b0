package dev.cards.auth.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import dev.cards.auth.crypto.AccessTokens;
import dev.cards.auth.crypto.InvalidAccessTokenException;
import dev.cards.auth.crypto.SenderConstraint;
import dev.cards.auth.persistence.User;
import dev.cards.http.dpop.DpopException;
import dev.cards.http.dpop.PresentedProof;
import dev.cards.http.problem.Problem;
import dev.cards.auth.service.AccountService;
import dev.cards.auth.service.InvalidGrantException;
import dev.cards.auth.service.SessionService;
import dev.cards.auth.service.TokenPair;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Sign-up, login, refresh and logout: HTTP in and out, the rules live in the services. */
@Path("/auth")
@Tag(name = "auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final String BEARER = "Bearer ";
    private static final String DPOP = "DPoP ";
    private static final String ORIGIN = "Origin";

    private final AccountService accounts;
    private final SessionService sessions;
    private final AccessTokens accessTokens;
    private final CookieCsrfCheck csrf;
    private final ClientAddress clientAddress;
    private final SenderConstraint senderConstraint;

    public AuthResource(AccountService accounts, SessionService sessions, AccessTokens accessTokens, CookieCsrfCheck csrf,
            ClientAddress clientAddress, SenderConstraint senderConstraint) {
        this.accounts = accounts;
        this.senderConstraint = senderConstraint;
        this.clientAddress = clientAddress;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.csrf = csrf;
    }

    @POST
    @Path("/signup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signup", summary = "Create an account")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response signup(@NotNull @Valid SignupRequest request, @Context HttpServerRequest http) {
        User user = accounts.signUp(request.email(), request.password(), clientAddress.of(http));
        // Relative (RFC 9110 §10.2.2), so no Host header sent by a client is ever reflected.
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/auth/me")
                .entity(new UserResponse(user.id, user.email)).build();
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "login", summary = "Check email and password; start a session")
    @APIResponse(responseCode = "200", description = "Signed in; the refresh token is also set as an HttpOnly cookie",
            headers = {@Header(name = "Set-Cookie", schema = @Schema(type = SchemaType.STRING)),
                       @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "InvalidCredentials")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response login(@NotNull @Valid LoginRequest request, @Context HttpServerRequest http,
            @Parameter(hidden = true) @RestHeader(ORIGIN) String origin) {
        String dpopJkt = senderConstraint.keyForTokenRequest(sessions.firstPartyDpop(), PresentedProof.of(http));
        return tokens(accounts.logIn(request.email(), request.password(), clientAddress.of(http), dpopJkt), origin != null);
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "refresh", summary = "Exchange a refresh token for new tokens",
            description = "The refresh token comes from the refresh_token cookie, an `Authorization: Bearer` header "
                    + "or this JSON body (then optional); one way per request, and at most one refresh_token cookie "
                    + "(another site of the domain may have set a second one: 400). By cookie alone, only with an allowed "
                    + "Origin and X-Requested-With (CSRF). A request with Origin (a browser) gets the refresh token "
                    + "only as the cookie. With rotation on, the presented token "
                    + "is retired and presenting it again revokes the session.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RefreshRequest.class)))
    @APIResponse(responseCode = "200", description = "New tokens; the refresh cookie is set again",
            headers = {@Header(name = "Set-Cookie", schema = @Schema(type = SchemaType.STRING)),
                       @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "InvalidGrant")
    @APIResponse(responseCode = "403", ref = "CrossSite")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response refresh(@Context HttpServerRequest http,
            @Parameter(hidden = true) @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(hidden = true) @RestHeader(ORIGIN) String origin,
            @Parameter(hidden = true) @RestHeader(CookieCsrfCheck.REQUESTED_WITH) String requestedWith,
            @Valid RefreshRequest body) {
        String token = presented(http, authorization, body, origin, requestedWith);
        if (token == null) {
            throw new InvalidGrantException("No refresh token was presented");
        }
        String dpopJkt = senderConstraint.keyForTokenRequest(sessions.firstPartyDpop(), PresentedProof.of(http));
        return tokens(sessions.refresh(token, dpopJkt), origin != null);
    }

    /** The same exchange without a JSON body (the token in the cookie or the header). */
    @POST
    @Path("/refresh")
    @Operation(hidden = true)
    public Response refreshWithoutBody(@Context HttpServerRequest http,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RestHeader(ORIGIN) String origin,
            @RestHeader(CookieCsrfCheck.REQUESTED_WITH) String requestedWith, String body) {
        refuseNonJson(body);
        return refresh(http, authorization, origin, requestedWith, null);
    }

    @POST
    // 204 or a problem: any client that accepts either must be served (generated clients ask for problem+json).
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "logout", summary = "Revoke the session of a refresh token",
            description = "Takes the token like /auth/refresh (cookie, Bearer header or this optional body; "
                    + "at most one refresh_token cookie). "
                    + "Answers 204 for unknown tokens too (RFC 7009 §2.2).")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RefreshRequest.class)))
    @APIResponse(responseCode = "204", description = "The session is revoked; the refresh cookie is cleared",
            headers = @Header(name = "Set-Cookie", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "CrossSite")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response logout(@Context HttpServerRequest http,
            @Parameter(hidden = true) @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(hidden = true) @RestHeader(ORIGIN) String origin,
            @Parameter(hidden = true) @RestHeader(CookieCsrfCheck.REQUESTED_WITH) String requestedWith,
            @Valid RefreshRequest body) {
        String token = presented(http, authorization, body, origin, requestedWith);
        if (token != null) {
            sessions.logout(token);
        }
        return Response.noContent().header(RefreshCookie.HEADER, RefreshCookie.cleared()).build();
    }

    /** The same without a JSON body. */
    @POST
    // 204 or a problem: any client that accepts either must be served (generated clients ask for problem+json).
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/logout")
    @Operation(hidden = true)
    public Response logoutWithoutBody(@Context HttpServerRequest http,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RestHeader(ORIGIN) String origin,
            @RestHeader(CookieCsrfCheck.REQUESTED_WITH) String requestedWith, String body) {
        refuseNonJson(body);
        return logout(http, authorization, origin, requestedWith, null);
    }

    @POST
    // 204 or a problem: any client that accepts either must be served (generated clients ask for problem+json).
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/logout-all")
    @Operation(operationId = "logoutAll", summary = "Revoke every session of the signed-in user")
    @SecurityRequirement(name = AuthApiDefinition.BEARER_SCHEME)
    @APIResponse(responseCode = "204", description = "Every session is revoked",
            headers = @Header(name = "Set-Cookie", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", ref = "InvalidToken")
    public Response logoutAll(@Parameter(hidden = true) @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest http) {
        sessions.logoutEverywhere(caller(authorization, http));
        return Response.noContent().header(RefreshCookie.HEADER, RefreshCookie.cleared()).build();
    }

    @GET
    @Path("/me")
    @Operation(operationId = "me", summary = "The signed-in user")
    @SecurityRequirement(name = AuthApiDefinition.BEARER_SCHEME)
    @APIResponse(responseCode = "200", description = "The user of the access token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "401", ref = "InvalidToken")
    public UserResponse me(@Parameter(hidden = true) @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest http) {
        User user = accounts.find(caller(authorization, http))
                .orElseThrow(() -> new InvalidAccessTokenException("The access token is invalid"));
        return new UserResponse(user.id, user.email);
    }

    /** Any content type goes while the body is empty (bare clients such as curl send one); a body must be JSON. */
    private static void refuseNonJson(String body) {
        if (body != null && !body.isBlank()) {
            throw new NotSupportedException();
        }
    }

    /**
     * The user of a Bearer access token (RFC 6750 §2.1), or of a DPoP-bound one sent with the DPoP
     * scheme and a proof by its key (RFC 9449 §7.1). A bound token sent as Bearer is refused: a
     * copy of it is worth nothing without the key (§7.2).
     */
    private UUID caller(String authorization, HttpServerRequest http) {
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        boolean dpop = authorization != null && authorization.regionMatches(true, 0, DPOP, 0, DPOP.length());
        if (!bearer && !dpop) {
            throw new MissingAccessTokenException();
        }
        String token = authorization.substring(bearer ? BEARER.length() : DPOP.length()).strip();
        AccessTokens.Verified verified = accessTokens.verify(token);
        if (bearer) {
            if (verified.dpopJkt() != null) {
                throw new InvalidAccessTokenException("The access token is bound to a DPoP key: send it as DPoP with a proof");
            }
            return verified.userId();
        }
        if (verified.dpopJkt() == null) {
            throw new InvalidAccessTokenException("The access token is not bound to a DPoP key: send it as Bearer");
        }
        try {
            senderConstraint.checkResourceProof(PresentedProof.of(http), token, verified.dpopJkt());
        } catch (DpopException e) {
            throw new InvalidResourceProofException(e.error(), e.getMessage());
        }
        return verified.userId();
    }

    /**
     * The presented refresh token; one presented by the cookie alone must pass the CSRF check first.
     * The cookie is read from the raw Cookie fields: {@code @RestCookie} silently picks one of two.
     */
    private String presented(HttpServerRequest http, String authorization, RefreshRequest body, String origin,
            String requestedWith) {
        String cookie = RefreshCookie.in(http.headers().getAll(HttpHeaders.COOKIE));
        PresentedRefreshToken presented = PresentedRefreshToken.from(cookie, authorization, body);
        if (presented.byCookieOnly()) {
            csrf.check(origin, requestedWith);
        }
        return presented.token();
    }

    /**
     * Token responses must not be cached (RFC 6749 §5.1). A browser (it sends Origin) gets the
     * refresh token only as the HttpOnly cookie: in the body, a script could read it, which undoes
     * HttpOnly (OAuth 2.0 for Browser-Based Apps, token-mediating backend).
     */
    private static Response tokens(TokenPair pair, boolean browser) {
        return Response.ok(browser ? TokenResponse.withoutRefreshToken(pair) : TokenResponse.of(pair))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(RefreshCookie.HEADER, RefreshCookie.of(pair.refreshToken(), pair.refreshExpiresIn()))
                .build();
    }
}
