package dev.cards.client.error;

/** The service answered with an error status; {@link #problem()} holds its problem details. */
public class ApiException extends CardsClientException {

    private final int status;
    private final transient ProblemDetails problem;

    public ApiException(int status, ProblemDetails problem) {
        super(status + " " + problem.summary());
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public ProblemDetails problem() {
        return problem;
    }
}
