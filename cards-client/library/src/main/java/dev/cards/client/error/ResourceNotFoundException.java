package dev.cards.client.error;

/** The resource does not exist (404). */
public class ResourceNotFoundException extends ApiException {

    public ResourceNotFoundException(ProblemDetails problem) {
        super(404, problem);
    }
}
