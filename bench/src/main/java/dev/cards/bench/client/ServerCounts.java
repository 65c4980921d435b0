package dev.cards.bench.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * What the services counted, from their metrics pages: the access tokens the cards-service
 * refused with 401 ({@code cards_token_rejections_total}, every reason) and the refresh requests
 * the auth-service answered ({@code auth_refreshes_total}, outcomes {@code success} and
 * {@code rejected}; {@code reuse_detected} is counted within {@code rejected} as well). A figure
 * is NaN when its page cannot be read.
 */
record ServerCounts(double rejections, double refreshes) {

    static ServerCounts read(URI authUrl, URI cardsUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Optional<PrometheusPage> cards = PrometheusPage.fetch(http, cardsUrl);
        Optional<PrometheusPage> auth = PrometheusPage.fetch(http, authUrl);
        return new ServerCounts(cards.map(p -> p.sum("cards_token_rejections_total")).orElse(Double.NaN),
                auth.map(p -> p.sum("auth_refreshes_total", "outcome", "success")
                        + p.sum("auth_refreshes_total", "outcome", "rejected")).orElse(Double.NaN));
    }

    /** The increase since {@code before}. */
    ServerCounts since(ServerCounts before) {
        return new ServerCounts(rejections - before.rejections, refreshes - before.refreshes);
    }

    boolean complete() {
        return !Double.isNaN(rejections) && !Double.isNaN(refreshes);
    }
}
