package dev.cards.client;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.cards.client.auth.model.SessionResponse;

/**
 * One of the signed-in user's live sessions, as the auth-service lists them ({@link Sessions#sessions()}):
 * a login on some device, until it logs out, is ended, or its refresh token expires. Serialises
 * with the API's names ({@code started_at}, {@code dpop_bound}, ...).
 *
 * @param id the session's public id, for {@link Sessions#endSession(String)}
 * @param client the OAuth client it was started by ({@code cards-cli} for this library)
 * @param startedAt the login
 * @param lastUsedAt its latest refresh (or the login)
 * @param device a short label from the User-Agent at the login
 * @param address the login's address, coarse (an IPv4 /24 or an IPv6 /48); null when unknown
 * @param dpopBound its tokens are bound to a DPoP key (RFC 9449)
 * @param current it is the session of this client's access token
 */
public record SignedInSession(String id, String client, @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("last_used_at") Instant lastUsedAt, String device, String address,
        @JsonProperty("dpop_bound") boolean dpopBound, boolean current) {

    static SignedInSession of(SessionResponse s) {
        return new SignedInSession(s.getId(), s.getClient(),
                s.getStartedAt() == null ? null : s.getStartedAt().toInstant(),
                s.getLastUsedAt() == null ? null : s.getLastUsedAt().toInstant(), s.getDevice(), s.getAddress(),
                Boolean.TRUE.equals(s.getDpopBound()), Boolean.TRUE.equals(s.getCurrent()));
    }
}
