package dev.cards.http.problem;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds problem-details responses; the single place that knows their media type and caching. */
public final class Problems {

    private Problems() {
    }

    public static Response of(int status, String detail) {
        return builder(status, detail, null, null).build();
    }

    public static Response.ResponseBuilder builder(int status, String detail) {
        return builder(status, detail, null, null);
    }

    public static Response.ResponseBuilder builder(int status, String detail, String error,
            List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(Problem.of(status, detail, error, errors));
    }

    /** The HTTP reason phrase: the RFC 9457 §4.2.1 title for "about:blank" problems. */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 413 -> "Content Too Large"; // RFC 9110 §15.5.14 renamed it
            case 414 -> "URI Too Long"; // RFC 9110 §15.5.15
            case 422 -> "Unprocessable Content";
            case 431 -> "Request Header Fields Too Large"; // RFC 6585 §5
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known != null ? known.getReasonPhrase()
                        : status < 500 ? "Client Error" : "Server Error";
            }
        };
    }
}
