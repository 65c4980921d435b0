package dev.cards.http.problem;

import java.util.Comparator;
import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Turns request errors, ours and the framework's (404, 405, 406, 415, malformed JSON), into
 * RFC 9457 problem details. An unexpected failure is logged and answered 500 without details, so
 * no answer carries a stack trace or a class name; a lost database is a 503 with Retry-After.
 * Each service adds the mappers for its own exceptions beside these.
 */
public class RequestProblemMappers {

    private static final Logger LOG = Logger.getLogger(RequestProblemMappers.class);

    private final DatabaseUnavailable database;
    private final Instance<AllowHeader> allow;

    public RequestProblemMappers(DatabaseUnavailable database, Instance<AllowHeader> allow) {
        this.database = database;
        this.allow = allow;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.builder(e.status(), e.getMessage(), null, e.errors()).build();
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

    /** The framework's own answers keep their status and headers, in our format. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        Response.ResponseBuilder answer = Problems.builder(status, detailFor(status));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(v -> answer.header(name, v));
            }
        });
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) == null && allow.isResolvable()) {
            answer.header(HttpHeaders.ALLOW, allow.get().forPath(uri.getPath()));
        }
        return answer.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (database.explains(e)) {
            DatabaseUnavailable.log(e);
            return Problems.builder(503, "The service cannot reach its database; retry shortly")
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure", e);
        return Problems.of(500, "The server failed to handle the request");
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No acceptable representation of this resource";
            case 413 -> "The request body is too large";
            case 415 -> "This resource does not accept that content type";
            default -> "The request could not be processed";
        };
    }

    /** "create.request.tags[1].<list element>" -> "tags[1]": the JSON property, not the Java method. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replace(".<list element>", "");
        String[] parts = path.split("\\.", 3);
        String field = parts.length == 3 ? parts[2] : path;
        return jsonName(violation.getLeafBean(), field);
    }

    /** A record component renamed for JSON ({@code @JsonProperty("new_password") newPassword}) is named as the client sent it. */
    private static String jsonName(Object bean, String field) {
        if (bean == null || !field.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            return field;
        }
        try {
            JsonProperty renamed = bean.getClass().getDeclaredField(field).getAnnotation(JsonProperty.class);
            return renamed != null && !renamed.value().isEmpty() ? renamed.value() : field;
        } catch (NoSuchFieldException | SecurityException e) {
            return field;
        }
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
