package dev.cards.http.dpop;

/**
 * The `WWW-Authenticate: DPoP` challenge (RFC 9449 §7.1): the algorithms a proof may use, and the
 * error when there is one. Sent beside the `Bearer` challenge on every 401 of a protected resource.
 */
public final class DpopChallenge {

    /** The response header that hands a client the nonce to put in its next proof (§8, §9). */
    public static final String NONCE_HEADER = "DPoP-Nonce";

    private DpopChallenge() {
    }

    public static String of(DpopSettings settings) {
        return "DPoP algs=\"" + settings.algsParameter() + "\"";
    }

    public static String of(DpopSettings settings, String error, String description) {
        return "DPoP error=\"" + error + "\", error_description=\"" + quoted(description) + "\", algs=\""
                + settings.algsParameter() + "\"";
    }

    /** RFC 9110 §5.6.4: a quoted-string escapes `"` and `\`. */
    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
