package dev.cards.http.problem;

import java.util.List;

/** A client error the resource layer detected itself; rendered as problem details. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final transient List<Problem.FieldError> errors;

    public ProblemException(int status, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = errors;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "The request is invalid", List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
