package dev.cards.auth.rest;

/**
 * The refresh token as a cookie: HttpOnly (no script can read it), Secure, SameSite=Strict (not
 * sent on cross-site requests, so no CSRF on /auth/refresh and /auth/logout), and scoped to /auth
 * so it never travels with API calls (OWASP Session Management Cheat Sheet, cookie attributes).
 * Written by hand as an RFC 6265 header: the JAX-RS cookie adds the obsolete `Version=1`.
 */
public final class RefreshCookie {

    public static final String NAME = "refresh_token";
    public static final String HEADER = "Set-Cookie";

    private RefreshCookie() {
    }

    public static String of(String token, long maxAgeSeconds) {
        return NAME + "=" + token + "; Path=/auth; Max-Age=" + Math.max(0, maxAgeSeconds) + "; HttpOnly; Secure; SameSite=Strict";
    }

    public static String cleared() {
        return of("", 0);
    }
}
