package dev.cards.client.error;

/** The request conflicts with the current state (409). */
public class ConflictException extends ApiException {

    public ConflictException(ProblemDetails problem) {
        super(409, problem);
    }
}
