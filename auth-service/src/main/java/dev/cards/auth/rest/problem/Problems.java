package dev.cards.auth.rest.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** Builds problem responses (RFC 9457, media type application/problem+json). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response.ResponseBuilder of(int status, String detail) {
        return of(status, detail, null, null);
    }

    public static Response.ResponseBuilder of(int status, String detail, String error, List<ProblemDetail.FieldError> errors) {
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase()
                : family == Response.Status.Family.CLIENT_ERROR ? "Client Error" : "Server Error";
        // "about:blank": the status code says it all (RFC 9457 §4.2.1).
        ProblemDetail body = new ProblemDetail("about:blank", title, status, detail, error, errors);
        return Response.status(status).type(MEDIA_TYPE).entity(body);
    }
}
