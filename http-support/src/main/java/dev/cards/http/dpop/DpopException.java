package dev.cards.http.dpop;

/**
 * A DPoP proof refused (RFC 9449 §5, §7.1: {@code invalid_dpop_proof}) or a nonce asked for
 * (§8, §9: {@code use_dpop_nonce}). Each service answers it in its own format: the OAuth error
 * JSON on the token endpoint, problem details elsewhere, with a `DPoP` challenge on 401s.
 */
public class DpopException extends RuntimeException {

    public static final String INVALID_PROOF = "invalid_dpop_proof";
    public static final String USE_NONCE = "use_dpop_nonce";

    private final String error;

    private DpopException(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public static DpopException invalidProof(String description) {
        return new DpopException(INVALID_PROOF, description);
    }

    public static DpopException useNonce(String description) {
        return new DpopException(USE_NONCE, description);
    }

    /** The OAuth error code. */
    public String error() {
        return error;
    }

    public boolean asksForNonce() {
        return USE_NONCE.equals(error);
    }
}
