package dev.cards.cards.problem;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.cards.cards.rest.AllowedMethods;
import dev.cards.cards.service.StaleCardException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Turns request errors, ours and the framework's (404, 405, 406, 415, malformed JSON), into
 * RFC 9457 problem details. An unexpected failure is logged and answered 500 without details.
 */
public class RequestProblemMappers {

    private static final Logger LOG = Logger.getLogger(RequestProblemMappers.class);

    private final DatabaseUnavailable database;

    public RequestProblemMappers(DatabaseUnavailable database) {
        this.database = database;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.builder(e.status(), e.getMessage(), null, e.errors()).build();
    }

    @ServerExceptionMapper
    public Response stale(StaleCardException e) {
        return Problems.of(412, "The card was changed since the version named in If-Match; fetch it again");
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.builder(400, "The request is invalid", null, errors).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return Problems.of(400, jsonDetail(e));
    }

    /** Replaces the framework's own mapper for this subtype, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return Problems.of(400, jsonDetail(e));
    }

    /** The framework's own answers: unknown resource, wrong method, media type, malformed body. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        Response.ResponseBuilder answer = Problems.builder(status, detailFor(status), null, null);
        if (status == 405) {
            answer.header(HttpHeaders.ALLOW, AllowedMethods.forPath(uri.getPath()));
        }
        return answer.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (database.explains(e)) {
            DatabaseUnavailable.log(e);
            return Problems.builder(503, "The service cannot reach its database; retry shortly", null, null)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure", e);
        return Problems.of(500, "The server failed to handle the request");
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No acceptable representation; this API answers application/json";
            case 413 -> "The request body is too large";
            case 415 -> "The request body must be application/json";
            default -> "The request could not be processed";
        };
    }

    /** "create.request.tags[1].<list element>" -> "tags[1]": the JSON property, not the Java method. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replace(".<list element>", "");
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    private static String jsonDetail(JsonProcessingException e) {
        return e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? "The request body has a value of the wrong type at " + pathOf(mapping)
                : "The request body is not valid JSON";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
