package dev.cards.auth.rest.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.cards.http.validation.PlainTextValidator;

import dev.cards.auth.service.OAuthException;

/** An application/x-www-form-urlencoded body, read by the rules of RFC 6749 §3.1 and §3.2. */
final class FormBody {

    static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private FormBody() {
    }

    /**
     * Each parameter once: a repeated one is invalid_request (§3.1: "MUST NOT be included more
     * than once"), an empty one counts as absent (§3.1: "treated as if they were omitted").
     */
    static Map<String, String> parse(String contentType, String body) {
        if (contentType == null || !contentType.strip().toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE)) {
            throw OAuthException.invalidRequest("The request body must be " + MEDIA_TYPE);
        }
        Map<String, String> form = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.isEmpty() || value.isEmpty()) {
                continue;
            }
            if (!PlainTextValidator.isPlain(name) || !PlainTextValidator.isPlain(value)) {
                // The same rule as the JSON bodies: PostgreSQL cannot store NUL, nothing here needs control characters.
                throw OAuthException.invalidRequest("A parameter holds a control character or an unpaired surrogate");
            }
            if (form.putIfAbsent(name, value) != null) {
                throw OAuthException.invalidRequest(name.matches("[a-z_]{1,40}")
                        ? "The parameter " + name + " is repeated" : "A parameter is repeated");
            }
        }
        return form;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidRequest("The request body is not valid form encoding");
        }
    }
}
