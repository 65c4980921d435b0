package dev.cards.auth.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.cards.auth.service.TokenPair;

/** The token response of RFC 6749 §5.1, plus the refresh token's remaining lifetime. */
@RegisterForReflection
public record TokenResponse(
        @Schema(required = true) @JsonProperty("access_token") String accessToken,
        @Schema(required = true, enumeration = {"Bearer", "DPoP"}) @JsonProperty("token_type") String tokenType,
        @Schema(required = true, description = "Seconds the access token is valid") @JsonProperty("expires_in") long expiresIn,
        @Schema(description = "Absent when the request came from a browser (it carried Origin): the cookie carries it then")
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("refresh_token") String refreshToken,
        @Schema(required = true, description = "Seconds the refresh token has left") @JsonProperty("refresh_expires_in") long refreshExpiresIn) {

    public static TokenResponse of(TokenPair pair) {
        return new TokenResponse(pair.accessToken(), pair.tokenType(), pair.accessExpiresIn(), pair.refreshToken(),
                pair.refreshExpiresIn());
    }

    public static TokenResponse withoutRefreshToken(TokenPair pair) {
        return new TokenResponse(pair.accessToken(), pair.tokenType(), pair.accessExpiresIn(), null, pair.refreshExpiresIn());
    }
}
