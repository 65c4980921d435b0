package dev.cards.auth.service;

/**
 * What a login or a refresh hands out. Lifetimes are whole seconds left. {@code dpopBound}: the
 * access token is bound to a DPoP key, so its type is `DPoP` (RFC 9449 §5).
 */
public record TokenPair(String accessToken, long accessExpiresIn, String refreshToken, long refreshExpiresIn,
        boolean dpopBound) {

    public String tokenType() {
        return dpopBound ? "DPoP" : "Bearer";
    }
}
