package dev.cards.auth.rest.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import dev.cards.auth.service.ClientCredentials;
import dev.cards.auth.service.OAuthException;

/** Reads the client's credentials from the Authorization header or the form (RFC 6749 §2.3.1). */
final class PresentedClient {

    private static final String BASIC = "Basic ";

    private PresentedClient() {
    }

    static ClientCredentials from(String authorization, Map<String, String> form) {
        if (authorization == null) {
            return new ClientCredentials(form.get("client_id"), form.get("client_secret"), false);
        }
        if (!authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            throw OAuthException.invalidClient("Only the Basic scheme authenticates a client here");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("The Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthException.invalidClient("The Basic credentials lack the colon between id and secret");
        }
        String id = formDecoded(decoded.substring(0, colon));
        String secret = formDecoded(decoded.substring(colon + 1));
        // §2.3: a client MUST NOT use more than one authentication method in each request.
        if (form.containsKey("client_secret")) {
            throw OAuthException.invalidRequest("The client authenticated twice: Basic header and client_secret");
        }
        if (form.containsKey("client_id") && !form.get("client_id").equals(id)) {
            throw OAuthException.invalidRequest("client_id differs from the client of the Authorization header");
        }
        return new ClientCredentials(id, secret, true);
    }

    /** §2.3.1: id and secret are form-encoded before they are joined and base64-encoded. */
    private static String formDecoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("The Basic credentials are not valid form encoding");
        }
    }
}
