package dev.cards.client.error;

/**
 * The password a password change or an account deletion asked for is wrong (403; the access token
 * is fine, so nothing is refreshed). The auth-service counts it like a failed login: repeated
 * failures end in {@link RateLimitedException}.
 */
public class WrongPasswordException extends ApiException {

    public WrongPasswordException(ProblemDetails problem) {
        super(403, problem);
    }
}
