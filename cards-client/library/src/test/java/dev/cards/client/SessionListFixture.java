package dev.cards.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user's two sessions as GET /auth/sessions answers them, for the library's and the CLI's tests. */
public final class SessionListFixture {

    /** The caller's own session. */
    public static final String OWN = "7d0c6a55-1f0e-4c3b-9a55-0c2f4a8e6b01";
    /** Another session of the same user, on another device. */
    public static final String OTHER = "c1b2a3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    public static final String LIST = "{\"items\":[{\"id\":\"" + OTHER + "\",\"client\":\"cards-cli\","
            + "\"started_at\":\"2026-12-01T10:00:00Z\",\"last_used_at\":\"2026-12-07T09:30:00Z\","
            + "\"device\":\"Firefox on Linux\",\"address\":\"192.0.2.0/24\",\"dpop_bound\":false,\"current\":false},"
            + "{\"id\":\"" + OWN + "\",\"client\":\"cards-cli\",\"started_at\":\"2026-12-07T08:00:00Z\","
            + "\"last_used_at\":\"2026-12-07T08:05:00Z\",\"device\":\"Java-http-client/17\",\"dpop_bound\":true,"
            + "\"current\":true}]}";

    private SessionListFixture() {
    }

    /** An access token naming its session ({@code sid}), unsigned: the client reads it, never verifies it. */
    public static String accessTokenOf(String sid) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"u\",\"sid\":\"" + sid + "\"}").getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
