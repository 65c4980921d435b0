package dev.cards.auth.rest;


import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import dev.cards.auth.service.EmailNormalizer;
import dev.cards.http.validation.PlainText;
import jakarta.validation.constraints.Size;

/**
 * Sign-up form. The email is trimmed and lower-cased before validation. Passwords: 8 to 128
 * characters and no composition rules (NIST SP 800-63B §5.1.1.2).
 */
public record SignupRequest(
        @Schema(examples = "ada@example.com", maxLength = 254)
        @NotBlank @Size(max = 254) @PlainText @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
        @Schema(minLength = 8, maxLength = 128, format = "password")
        @NotNull @Size(min = 8, max = 128) @PlainText String password) {

    public SignupRequest {
        email = EmailNormalizer.normalize(email);
    }
}
