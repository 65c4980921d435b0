package dev.cards.client.error;

/** A service could not be reached at all (connection refused, unknown host, timeout). */
public class ServiceUnreachableException extends CardsClientException {

    public ServiceUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
