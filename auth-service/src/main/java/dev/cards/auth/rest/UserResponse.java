package dev.cards.auth.rest;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as others may see it. */
@RegisterForReflection
public record UserResponse(@Schema(required = true) UUID id, @Schema(required = true) String email) {
}
