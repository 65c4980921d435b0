package dev.cards.auth.rest;

import java.util.List;

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

    /**
     * The value of the one refresh_token cookie among a request's Cookie header fields (RFC 6265
     * §5.4: "name=value" pairs joined by "; ", over one field or, in HTTP/2, several), or null.
     * More than one is refused, whatever their values: a sibling subdomain can set one with
     * Domain= and a longer Path, which the browser sends first (RFC 6265 §8.6, weak integrity),
     * and taking either would let it choose the session. No value is ever put in a message.
     */
    static String in(List<String> cookieFields) {
        String value = null;
        int found = 0;
        for (String field : cookieFields) {
            for (String pair : field.split(";")) {
                int eq = pair.indexOf('=');
                if (eq < 0 || !pair.substring(0, eq).strip().equals(NAME)) {
                    continue;
                }
                if (++found > 1) {
                    throw new InvalidRequestException("The request carries more than one refresh_token cookie (another site "
                            + "of this domain may have set one); nothing was changed. Clear this site's cookies and sign in again");
                }
                value = unquoted(pair.substring(eq + 1).strip());
            }
        }
        return value;
    }

    /** RFC 6265 §4.1.1: a cookie value may be wrapped in double quotes. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
