package dev.cards.http.dpop;

/**
 * A proof that passed every check: the RFC 7638 thumbprint of its key (what a token is bound to
 * with {@code cnf.jkt}) and the nonce it carried, if any.
 */
public record VerifiedProof(String jkt, String nonce) {
}
