package dev.cards.auth.rest.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** RFC 9457 problem details, with the OAuth `error` code and per-field errors where they apply. */
// Serialised from inside a Response, so native images need it registered explicitly.
@RegisterForReflection(targets = {ProblemDetail.class, ProblemDetail.FieldError.class})
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ProblemDetail", description = "RFC 9457 problem details")
public record ProblemDetail(
        @Schema(required = true, examples = "about:blank") String type,
        @Schema(required = true) String title,
        @Schema(required = true) int status,
        @Schema(required = true) String detail,
        @Schema(description = "OAuth 2.0 error code (RFC 6749 §5.2, RFC 6750 §3.1)") String error,
        @Schema(description = "The fields that failed validation") List<FieldError> errors) {

    /** One invalid field. */
    public record FieldError(@Schema(required = true) String field, @Schema(required = true) String message) {
    }
}
