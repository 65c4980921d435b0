package dev.cards.http.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * RFC 9457 problem details. {@code type} stays "about:blank" with the HTTP reason phrase as
 * {@code title} (§4.2.1); {@code error} carries the OAuth 2.0 error code (RFC 6749 §5.2, RFC 6750
 * §3.1) where one applies, and {@code errors} the rejected fields of a 400.
 */
// Serialised from inside a Response, so native images need it registered explicitly.
@RegisterForReflection(targets = {Problem.class, Problem.FieldError.class})
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(required = true, examples = "about:blank") String type,
        @Schema(required = true, examples = "Not Found") String title,
        @Schema(required = true, examples = "404") int status,
        @Schema(required = true) String detail,
        @Schema(description = "OAuth 2.0 error code (RFC 6749 §5.2, RFC 6750 §3.1)", examples = "invalid_token") String error,
        @Schema(description = "The request fields that were rejected") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String ABOUT_BLANK = "about:blank";

    /** An "about:blank" problem: the status code says it all. */
    public static Problem of(int status, String detail, String error, List<FieldError> errors) {
        return new Problem(ABOUT_BLANK, Problems.reasonPhrase(status), status, detail, error, errors);
    }

    /** One rejected request field (a JSON property path or a query parameter name). */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(required = true) String field, @Schema(required = true) String message) {
    }
}
