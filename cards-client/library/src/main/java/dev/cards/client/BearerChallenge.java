package dev.cards.client;

import java.util.regex.Pattern;

/** Reads a {@code WWW-Authenticate} challenge (RFC 6750 §3). */
final class BearerChallenge {

    /** A Bearer challenge whose {@code error} auth-param is {@code invalid_token}, quoted or not (RFC 9110 §11.2). */
    private static final Pattern INVALID_TOKEN = Pattern.compile(
            "(?i)\\bBearer\\b[^\\r\\n]*?\\berror\\s*=\\s*\"?invalid_token\"?");

    private BearerChallenge() {
    }

    static boolean saysInvalidToken(String wwwAuthenticate) {
        return wwwAuthenticate != null && INVALID_TOKEN.matcher(wwwAuthenticate).find();
    }
}
