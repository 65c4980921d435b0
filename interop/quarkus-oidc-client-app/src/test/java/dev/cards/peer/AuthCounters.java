package dev.cards.peer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The auth-service's own counters (/q/metrics): what it saw, not what the client says it did. */
record AuthCounters(double passwordLogins, double refreshes) {

    static AuthCounters now() throws Exception {
        String metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(PackagedServices.auth.managementUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new AuthCounters(value(metrics, "auth_logins_total"), value(metrics, "auth_refreshes_total"));
    }

    AuthCounters since(AuthCounters before) {
        return new AuthCounters(passwordLogins - before.passwordLogins, refreshes - before.refreshes);
    }

    private static double value(String metrics, String name) {
        return metrics.lines()
                .filter(l -> l.startsWith(name + "{") && l.contains("outcome=\"success\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
