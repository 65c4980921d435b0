package dev.cards.auth.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.cards.auth.persistence.RefreshSession;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One live session as its user sees it: never the refresh token, its hash or the session's key. */
@RegisterForReflection
public record SessionResponse(
        @Schema(required = true, description = "The session's id, for DELETE /auth/sessions/{id}") String id,
        @Schema(required = true, description = "The OAuth client it was started by") String client,
        @Schema(required = true) @JsonProperty("started_at") Instant startedAt,
        @Schema(required = true) @JsonProperty("last_used_at") Instant lastUsedAt,
        @Schema(required = true, description = "A short label from the User-Agent at sign-in") String device,
        @Schema(description = "The sign-in's address, coarse: an IPv4 /24 or an IPv6 /48") String address,
        @Schema(required = true, description = "Its tokens are bound to a DPoP key (RFC 9449)") @JsonProperty("dpop_bound") boolean dpopBound,
        @Schema(required = true, description = "The session of the access token that asked") boolean current) {

    static SessionResponse of(RefreshSession s, UUID callerSession) {
        return new SessionResponse(s.publicId.toString(), s.clientId, s.createdAt,
                s.lastUsedAt != null ? s.lastUsedAt : s.createdAt, s.device != null ? s.device : "unknown", s.address,
                s.dpopJkt != null, s.publicId.equals(callerSession));
    }
}
