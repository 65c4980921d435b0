package dev.cards.bench.http;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What {@code cards-bench load} repeats: our auth-service's and cards-service's, or Keycloak's token
 * endpoint; the {@code -dpop} ones with a DPoP proof per request (RFC 9449), on a key-bound session.
 */
public enum Scenario {
    LOGIN("login"), REFRESH("refresh"), CARDS_READ("cards-read"), CARDS_WRITE("cards-write"),
    KC_LOGIN("kc-login"), KC_REFRESH("kc-refresh"),
    REFRESH_DPOP("refresh-dpop"), CARDS_READ_DPOP("cards-read-dpop"), KC_REFRESH_DPOP("kc-refresh-dpop");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    /** The name on the command line and in the result's {@code scenario} field. */
    public String label() {
        return label;
    }

    boolean keycloak() {
        return this == KC_LOGIN || this == KC_REFRESH || this == KC_REFRESH_DPOP;
    }

    /** Whether every request carries a DPoP proof (and the session is bound to the worker's key). */
    boolean dpop() {
        return label.endsWith("-dpop");
    }

    public static Scenario of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + label + ": one of " + labels()));
    }

    static String labels() {
        return Arrays.stream(values()).map(Scenario::label).collect(Collectors.joining(", "));
    }
}
