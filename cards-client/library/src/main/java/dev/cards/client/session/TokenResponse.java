package dev.cards.client.session;

/**
 * The auth-service's token response (RFC 6749 §5.1) as the refresher needs it, independent of the
 * generated model classes. Lifetimes are in seconds.
 */
public record TokenResponse(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn) {

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + ", refreshExpiresIn=" + refreshExpiresIn + "]";
    }
}
