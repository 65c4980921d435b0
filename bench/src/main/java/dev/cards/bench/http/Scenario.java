package dev.cards.bench.http;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What {@code cards-bench load} repeats: our auth-service's and cards-service's, or Keycloak's token endpoint. */
public enum Scenario {
    LOGIN("login"), REFRESH("refresh"), CARDS_READ("cards-read"), CARDS_WRITE("cards-write"),
    KC_LOGIN("kc-login"), KC_REFRESH("kc-refresh");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    /** The name on the command line and in the result's {@code scenario} field. */
    public String label() {
        return label;
    }

    boolean keycloak() {
        return this == KC_LOGIN || this == KC_REFRESH;
    }

    public static Scenario of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + label + ": one of " + labels()));
    }

    static String labels() {
        return Arrays.stream(values()).map(Scenario::label).collect(Collectors.joining(", "));
    }
}
