package dev.cards.client;

import java.util.regex.Pattern;

/**
 * Reads a {@code WWW-Authenticate} header (RFC 6750 §3, RFC 9449 §7.1). Several challenges may share
 * one header value (joined by commas), so each pattern names the scheme it belongs to.
 */
final class DPoPChallenge {

    /**
     * A Bearer or DPoP challenge whose {@code error} auth-param is {@code invalid_token}, quoted or
     * not (RFC 9110 §11.2): the token is invalid or expired, a refresh may help.
     */
    private static final Pattern INVALID_TOKEN = Pattern.compile(
            "(?i)\\b(?:Bearer|DPoP)\\b[^\\r\\n]*?\\berror\\s*=\\s*\"?invalid_token\"?");
    /** A DPoP challenge asking for the server's nonce (RFC 9449 §9). */
    private static final Pattern USE_NONCE = Pattern.compile(
            "(?i)\\bDPoP\\b[^\\r\\n]*?\\berror\\s*=\\s*\"?use_dpop_nonce\"?");

    private DPoPChallenge() {
    }

    static boolean saysInvalidToken(String wwwAuthenticate) {
        return wwwAuthenticate != null && INVALID_TOKEN.matcher(wwwAuthenticate).find();
    }

    static boolean saysUseNonce(String wwwAuthenticate) {
        return wwwAuthenticate != null && USE_NONCE.matcher(wwwAuthenticate).find();
    }
}
