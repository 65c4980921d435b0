package dev.cards.client;

/** Whether sessions are bound to a DPoP key (RFC 9449) at login ({@code cards.client.dpop}). */
public enum DPoPMode {
    /** On when the auth-service's metadata lists ES256 in {@code dpop_signing_alg_values_supported}; else Bearer. */
    AUTO,
    /** Always; a login against an auth-service that does not advertise DPoP with ES256 is refused. */
    ON,
    /** Never: Bearer sessions, as before DPoP. A session already bound keeps proving its key. */
    OFF
}
