package dev.cards.client;

/**
 * The auth-service's token response (RFC 6749 §5.1) as the refresher needs it, independent of the
 * generated model classes. Lifetimes are in seconds; {@code tokenType} is {@code Bearer} or
 * {@code DPoP} (RFC 9449 §5).
 */
record IssuedTokens(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn, String tokenType) {

    IssuedTokens(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn) {
        this(accessToken, refreshToken, expiresIn, refreshExpiresIn, Session.BEARER);
    }

    /**
     * The type a token response names: {@code Bearer} as it says; anything else {@code DPoP} (RFC 9449
     * §5: the only other type a request with a proof gets), which a {@link Session} without a key
     * turns back into Bearer. The generated model reads a type it does not list as its
     * {@code UNEXPECTED} member.
     */
    static String tokenType(Object generatedType) {
        return generatedType != null && !Session.BEARER.equalsIgnoreCase(generatedType.toString())
                ? Session.DPOP : Session.BEARER;
    }

    @Override
    public String toString() {
        return "IssuedTokens[expiresIn=" + expiresIn + ", refreshExpiresIn=" + refreshExpiresIn + "]";
    }
}
