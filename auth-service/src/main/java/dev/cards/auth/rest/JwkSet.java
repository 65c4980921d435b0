package dev.cards.auth.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of the JWKS document, for the OpenAPI description only (the body is built by jose4j). */
@Schema(name = "JwkSet")
public record JwkSet(@Schema(required = true) List<Jwk> keys) {

    /** One public key (RFC 7517 §4): EC P-256 for ES256 (RFC 7518 §6.2.1) or RSA for RS256 (§6.3.1). */
    @Schema(name = "Jwk")
    public record Jwk(
            @Schema(required = true, examples = "EC") String kty,
            @Schema(required = true) String kid,
            @Schema(required = true, examples = "sig") String use,
            @Schema(required = true, examples = "ES256") String alg,
            @Schema(description = "EC curve (kty EC)", examples = "P-256") String crv,
            @Schema(description = "EC x coordinate, base64url (kty EC)") String x,
            @Schema(description = "EC y coordinate, base64url (kty EC)") String y,
            @Schema(description = "RSA modulus, base64url (kty RSA)") String n,
            @Schema(description = "RSA public exponent, base64url (kty RSA)") String e) {
    }
}
