package dev.cards.auth.service;

/**
 * How a client identified itself on a request (RFC 6749 §2.3): its id and secret, either of
 * which may be absent, and whether they came in the Authorization header (client_secret_basic).
 */
public record ClientCredentials(String clientId, String secret, boolean viaHeader) {
}
