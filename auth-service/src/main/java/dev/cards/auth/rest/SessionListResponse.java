package dev.cards.auth.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The caller's live sessions. */
@RegisterForReflection
public record SessionListResponse(@Schema(required = true) List<SessionResponse> items) {
}
