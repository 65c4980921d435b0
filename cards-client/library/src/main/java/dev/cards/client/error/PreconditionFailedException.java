package dev.cards.client.error;

/** The resource changed since it was read (412, If-Match). */
public class PreconditionFailedException extends ApiException {

    public PreconditionFailedException(ProblemDetails problem) {
        super(412, problem);
    }
}
