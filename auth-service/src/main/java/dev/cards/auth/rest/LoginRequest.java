package dev.cards.auth.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import dev.cards.auth.service.EmailNormalizer;
import dev.cards.http.validation.PlainText;
import jakarta.validation.constraints.Size;

/** Login form; only bounded here, so an old account keeps working if the password policy changes. */
public record LoginRequest(
        @Schema(examples = "ada@example.com", maxLength = 254) @NotBlank @Size(max = 254) @PlainText String email,
        @Schema(maxLength = 128, format = "password") @NotEmpty @Size(max = 128) @PlainText String password) {

    public LoginRequest {
        email = EmailNormalizer.normalize(email);
    }
}
