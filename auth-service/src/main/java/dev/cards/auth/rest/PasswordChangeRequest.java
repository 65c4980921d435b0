package dev.cards.auth.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.cards.http.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The current password (checked like a login) and the new one, under the sign-up rules (NIST SP 800-63B §5.1.1.2). */
public record PasswordChangeRequest(
        @Schema(required = true, maxLength = 128, format = "password") @JsonProperty("current_password")
        @NotNull @Size(max = 128) String currentPassword,
        @Schema(required = true, minLength = 8, maxLength = 128, format = "password") @JsonProperty("new_password")
        @NotNull @Size(min = 8, max = 128) @PlainText String newPassword) {
}
