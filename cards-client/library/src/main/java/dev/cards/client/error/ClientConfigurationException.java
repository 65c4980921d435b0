package dev.cards.client.error;

/**
 * The auth-service refused the client itself, not its grant ({@code invalid_client},
 * {@code unauthorized_client}, an unknown path or method): a configuration error to fix, not a reason
 * to end the session, which is kept.
 */
public class ClientConfigurationException extends ApiException {

    public ClientConfigurationException(int status, ProblemDetails problem) {
        super(status, problem);
    }
}
