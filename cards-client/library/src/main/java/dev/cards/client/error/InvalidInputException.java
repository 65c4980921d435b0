package dev.cards.client.error;

/** The request was invalid (400). */
public class InvalidInputException extends ApiException {

    public InvalidInputException(ProblemDetails problem) {
        super(400, problem);
    }
}
