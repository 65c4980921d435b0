package dev.cards.client.error;

/** 5xx: the service failed; the call may succeed later. */
public class ServerErrorException extends ApiException {

    public ServerErrorException(int status, ProblemDetails problem) {
        super(status, problem);
    }
}
