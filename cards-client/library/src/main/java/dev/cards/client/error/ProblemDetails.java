package dev.cards.client.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An RFC 9457 problem details body as the services send it, with the extension members the client reads (others are ignored, RFC 9457 §3.2):
 * {@code error} (OAuth error code, RFC 6749 §5.2) and {@code errors} (validation failures).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProblemDetails(String type, String title, Integer status, String detail, String instance,
        String error, List<FieldError> errors) {

    /** One failed field of a 400 answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {
    }

    /** What to show when the body was not problem details at all. */
    public static ProblemDetails ofStatus(int status, String reason) {
        return new ProblemDetails("about:blank", reason, status, null, null, null, List.of());
    }

    /** The same with {@code error} set (an OAuth error code from a body that was not problem details). */
    public ProblemDetails withError(String oauthError) {
        return oauthError == null ? this : new ProblemDetails(type, title, status, detail, instance, oauthError, errors);
    }

    /** A one-line human summary: the detail when there is one, else the title. */
    public String summary() {
        String text = detail != null && !detail.isBlank() ? detail : title;
        if (errors != null && !errors.isEmpty()) {
            StringBuilder sb = new StringBuilder(text == null ? "invalid request" : text);
            for (FieldError e : errors) {
                sb.append("; ").append(e.field()).append(": ").append(e.message());
            }
            return sb.toString();
        }
        return text;
    }
}
