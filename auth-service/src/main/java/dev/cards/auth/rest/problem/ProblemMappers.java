package dev.cards.auth.rest.problem;

import java.util.Comparator;
import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.cards.auth.crypto.InvalidAccessTokenException;
import dev.cards.auth.rest.CrossSiteRequestException;
import dev.cards.auth.rest.InvalidRequestException;
import dev.cards.auth.rest.MissingAccessTokenException;
import dev.cards.auth.rest.RefreshCookie;
import dev.cards.auth.service.EmailTakenException;
import dev.cards.auth.service.InvalidCredentialsException;
import dev.cards.auth.service.InvalidGrantException;
import dev.cards.auth.throttle.ThrottledException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Every error leaves as problem details; none carries a stack trace or a class name. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final DatabaseUnavailable database;

    public ProblemMappers(DatabaseUnavailable database) {
        this.database = database;
    }

    @ServerExceptionMapper
    public Response emailTaken(EmailTakenException e) {
        return Problems.of(409, e.getMessage()).build();
    }

    @ServerExceptionMapper
    public Response invalidCredentials(InvalidCredentialsException e) {
        return Problems.of(401, e.getMessage()).build();
    }

    @ServerExceptionMapper
    public Response throttled(ThrottledException e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Problems.of(429, e.getMessage() + "; retry after " + seconds + " s")
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    /** RFC 6749 §5.2; the refresh cookie is cleared so a browser stops sending a dead token. */
    @ServerExceptionMapper
    public Response invalidGrant(InvalidGrantException e) {
        return Problems.of(401, e.getMessage(), "invalid_grant", null)
                .header(RefreshCookie.HEADER, RefreshCookie.cleared())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** RFC 6750 §3: say why the access token was refused, so a client can tell expiry apart. */
    @ServerExceptionMapper
    public Response invalidAccessToken(InvalidAccessTokenException e) {
        return Problems.of(401, e.getMessage(), "invalid_token", null)
                .header(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"invalid_token\", error_description=\"" + e.getMessage() + "\"")
                .build();
    }

    @ServerExceptionMapper
    public Response missingAccessToken(MissingAccessTokenException e) {
        return Problems.of(401, e.getMessage()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response crossSiteRequest(CrossSiteRequestException e) {
        return Problems.of(403, e.getMessage()).build();
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return Problems.of(400, e.getMessage(), "invalid_request", null).build();
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e) {
        List<ProblemDetail.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ProblemDetail.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(ProblemDetail.FieldError::field))
                .toList();
        return Problems.of(400, "The request is invalid", null, errors).build();
    }

    @ServerExceptionMapper
    public Response wrongJsonShape(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return Problems.of(400, "The request body is not valid JSON of the expected shape").build();
    }

    /** The framework's own answers (404, 405, 406, 413, 415 …) keep their status, in our format. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String detail = switch (status) {
            case 400 -> e.getCause() instanceof JsonProcessingException
                    ? "The request body is not valid JSON of the expected shape" : "The request is malformed";
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not accept that method";
            case 406 -> "This address cannot produce the requested media type";
            case 413 -> "The request body is too large";
            case 415 -> "This address does not accept that content type";
            default -> type != null ? type.getReasonPhrase() : "The request was refused";
        };
        Response.ResponseBuilder builder = Problems.of(status, detail);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.type(Problems.MEDIA_TYPE).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (database.explains(e)) {
            DatabaseUnavailable.log(e);
            return Problems.of(503, "The service cannot reach its database; retry shortly")
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure", e);
        return Problems.of(500, "The server failed to handle the request").build();
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
