package dev.cards.auth.rest.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The error body of RFC 6749 §5.2. */
@RegisterForReflection
public record OAuthError(String error, @JsonProperty("error_description") String errorDescription) {
}
