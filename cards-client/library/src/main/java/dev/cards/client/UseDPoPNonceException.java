package dev.cards.client;

import dev.cards.client.error.ApiException;

/**
 * A 400 or 401 that asks for a proof with the server's nonce ({@code use_dpop_nonce}, RFC 9449 §8,
 * §9): {@link NonceRetry} sends the call once more; if the answer is the same again, the caller gets
 * {@link #typed()}, the exception the status maps to, as for any other error.
 */
final class UseDPoPNonceException extends ApiException {

    static final String ERROR = "use_dpop_nonce";

    private final transient ApiException typed;

    UseDPoPNonceException(ApiException typed) {
        super(typed.status(), typed.problem());
        this.typed = typed;
    }

    ApiException typed() {
        return typed;
    }
}
