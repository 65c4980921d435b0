package dev.cards.auth.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as others may see it. */
public record UserResponse(@Schema(required = true) UUID id, @Schema(required = true) String email) {
}
