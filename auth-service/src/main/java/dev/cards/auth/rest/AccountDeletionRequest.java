package dev.cards.auth.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The account's password: deleting it needs the password, not only a token (OWASP: re-authenticate for it). */
public record AccountDeletionRequest(@Schema(required = true, maxLength = 128, format = "password") @NotNull @Size(max = 128) String password) {
}
