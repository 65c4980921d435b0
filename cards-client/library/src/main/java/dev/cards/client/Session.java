package dev.cards.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a signed-in client holds: the access token, the refresh token, when they expire, the
 * {@link Issuer} they came from (the only auth-service the refresh token may go back to; null for a
 * session saved by a version that did not record it), the access token's type ({@code Bearer} or
 * {@code DPoP}) and the {@link DPoPKey} the session is bound to (null for a Bearer session). Immutable,
 * so a refresh replaces both tokens in one step (rotation hands out a new refresh token each time);
 * the key stays the same for the whole session.
 */
public record Session(String accessToken, String refreshToken, Instant accessIssuedAt, Instant accessExpiresAt,
        Instant refreshExpiresAt, String issuer, String tokenType, DPoPKey dpopKey) {

    /** Upper bound of the default refresh skew. */
    static final Duration MAX_DEFAULT_SKEW = Duration.ofSeconds(30);
    public static final String BEARER = "Bearer";
    public static final String DPOP = "DPoP";

    public Session {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(accessIssuedAt, "accessIssuedAt");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
        tokenType = DPOP.equalsIgnoreCase(tokenType) && dpopKey != null ? DPOP : BEARER;
    }

    /** A Bearer session (no DPoP key), as every session was before DPoP. */
    public Session(String accessToken, String refreshToken, Instant accessIssuedAt, Instant accessExpiresAt,
            Instant refreshExpiresAt, String issuer) {
        this(accessToken, refreshToken, accessIssuedAt, accessExpiresAt, refreshExpiresAt, issuer, BEARER, null);
    }

    /** Whether the access token is sent as {@code Authorization: DPoP} with a proof (RFC 9449 §7.1). */
    public boolean dpopBound() {
        return DPOP.equals(tokenType);
    }

    /**
     * The session a token response of {@code issuer} starts. Without rotation the service may send the
     * same refresh token back or, if it ever omitted it, the previous one stays.
     */
    static Session from(IssuedTokens response, Instant now, String previousRefreshToken, Issuer issuer) {
        return from(response, now, previousRefreshToken, issuer, null);
    }

    /** The same, for a session bound to {@code key} (null: Bearer); a refresh passes the session's own key on. */
    static Session from(IssuedTokens response, Instant now, String previousRefreshToken, Issuer issuer, DPoPKey key) {
        String refresh = response.refreshToken() != null ? response.refreshToken() : previousRefreshToken;
        Instant refreshExpiry = response.refreshExpiresIn() > 0 ? now.plusSeconds(response.refreshExpiresIn()) : null;
        return new Session(response.accessToken(), refresh, now, accessExpiry(response, now), refreshExpiry, issuer.url(),
                response.tokenType(), key);
    }

    /** The same tokens, bound to {@code issuer}. */
    Session withIssuer(Issuer issuer) {
        return new Session(accessToken, refreshToken, accessIssuedAt, accessExpiresAt, refreshExpiresAt, issuer.url(),
                tokenType, dpopKey);
    }

    /**
     * When the access token expires: {@code expires_in} (RECOMMENDED only, RFC 6749 §5.1); when it is
     * missing or not positive, the token's own {@code exp}; when that is unreadable too, never as far as
     * the client can tell, so it refreshes only when a call is rejected.
     */
    private static Instant accessExpiry(IssuedTokens response, Instant now) {
        if (response.expiresIn() > 0) {
            return now.plusSeconds(response.expiresIn());
        }
        return AccessTokenClaims.expiry(response.accessToken()).filter(now::isBefore).orElse(UNKNOWN_EXPIRY);
    }

    /** Far enough never to be inside a skew, near enough for Instant arithmetic. */
    static final Instant UNKNOWN_EXPIRY = Instant.parse("9999-12-31T00:00:00Z");

    /** Lifetime of the access token as issued. */
    public Duration accessLifetime() {
        return Duration.between(accessIssuedAt, accessExpiresAt);
    }

    /**
     * How long before expiry a proactive refresh starts: the configured skew, or by default the
     * smaller of 30 s and a third of the lifetime, so short-lived tokens are not refreshed on every call.
     */
    Duration skew(Duration configured) {
        if (configured != null) {
            return configured;
        }
        Duration third = accessLifetime().dividedBy(3);
        return third.compareTo(MAX_DEFAULT_SKEW) < 0 ? third : MAX_DEFAULT_SKEW;
    }

    /** True when the access token expires within the skew, so it should be refreshed before use. */
    boolean expiresWithin(Duration skew, Instant now) {
        return !now.plus(skew).isBefore(accessExpiresAt);
    }

    public boolean isAccessExpired(Instant now) {
        return !now.isBefore(accessExpiresAt);
    }

    @Override
    public String toString() {
        // Never print a token (tokens must not reach logs).
        return "Session[accessExpiresAt=" + accessExpiresAt + ", refreshExpiresAt=" + refreshExpiresAt + ", issuer="
                + issuer + ", tokenType=" + tokenType + (dpopKey == null ? "" : ", jkt=" + dpopKey.thumbprint()) + "]";
    }
}
