package dev.cards.auth.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of the JWKS document, for the OpenAPI description only (the body is built by jose4j). */
@Schema(name = "JwkSet")
public record JwkSet(@Schema(required = true) List<Jwk> keys) {

    /** One RSA public key (RFC 7517 §4, RFC 7518 §6.3.1). */
    @Schema(name = "Jwk")
    public record Jwk(
            @Schema(required = true, examples = "RSA") String kty,
            @Schema(required = true) String kid,
            @Schema(required = true, examples = "sig") String use,
            @Schema(required = true, examples = "RS256") String alg,
            @Schema(required = true, description = "RSA modulus, base64url") String n,
            @Schema(required = true, description = "RSA public exponent, base64url") String e) {
    }
}
