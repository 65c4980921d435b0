package dev.cards.cards.problem;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds problem-details responses; the single place that knows their media type. */
public final class Problems {

    private Problems() {
    }

    public static Response of(int status, String detail) {
        return builder(status, detail, null, null).build();
    }

    public static Response.ResponseBuilder builder(int status, String detail, String error,
            List<Problem.FieldError> errors) {
        Problem body = new Problem(Problem.ABOUT_BLANK, reasonPhrase(status), status, detail, error, errors);
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(body);
    }

    /** The HTTP reason phrase: the RFC 9457 §4.2.1 title for "about:blank" problems. */
    public static String reasonPhrase(int status) {
        if (status == 413) {
            return "Content Too Large"; // RFC 9110 §15.5.14 renamed it
        }
        if (status == 414) {
            return "URI Too Long"; // RFC 9110 §15.5.15
        }
        if (status == 422) {
            return "Unprocessable Content";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
