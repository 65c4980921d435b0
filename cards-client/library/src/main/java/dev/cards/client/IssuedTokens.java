package dev.cards.client;

/**
 * The auth-service's token response (RFC 6749 §5.1) as the refresher needs it, independent of the
 * generated model classes. Lifetimes are in seconds.
 */
record IssuedTokens(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn) {

    @Override
    public String toString() {
        return "IssuedTokens[expiresIn=" + expiresIn + ", refreshExpiresIn=" + refreshExpiresIn + "]";
    }
}
