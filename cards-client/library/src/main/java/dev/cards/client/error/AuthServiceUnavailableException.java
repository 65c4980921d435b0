package dev.cards.client.error;

/**
 * A refresh was needed but could not be done for a transient reason (connection refused, timeout,
 * 5xx). The session is kept, so the same call can be retried later; a network blip must not sign
 * the user out.
 */
public class AuthServiceUnavailableException extends CardsClientException {

    public AuthServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Always true: the session is intact and the call may be retried. */
    public boolean isRetryable() {
        return true;
    }
}
