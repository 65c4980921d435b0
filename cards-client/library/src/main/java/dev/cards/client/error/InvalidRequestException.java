package dev.cards.client.error;

/** The request was invalid (400). */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(ProblemDetails problem) {
        super(400, problem);
    }
}
