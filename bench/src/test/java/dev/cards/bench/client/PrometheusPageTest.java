package dev.cards.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrometheusPageTest {

    private static final PrometheusPage PAGE = new PrometheusPage("""
            # HELP cards_token_rejections_total Access tokens refused, by reason
            # TYPE cards_token_rejections_total counter
            cards_token_rejections_total{reason="expired"} 48.0
            cards_token_rejections_total{reason="invalid"} 2.0
            cards_token_rejections_total_created{reason="expired"} 1.7e9
            auth_refreshes_total{outcome="success",} 7.0
            auth_refreshes_total{outcome="rejected"} 3.0
            auth_refreshes_total{outcome="reuse_detected"} 1.0
            auth_refreshes_total{not_outcome="success"} 100.0
            """);

    @Test
    void sumsEverySeriesOfACounterAndNoOtherMetric() {
        assertEquals(50.0, PAGE.sum("cards_token_rejections_total"));
    }

    @Test
    void readsTheSeriesWithOneLabelValueWithOrWithoutATrailingComma() {
        assertEquals(7.0, PAGE.sum("auth_refreshes_total", "outcome", "success"));
        assertEquals(3.0, PAGE.sum("auth_refreshes_total", "outcome", "rejected"));
    }

    @Test
    void aCounterNotRegisteredYetCountsZero() {
        assertEquals(0.0, PAGE.sum("cards_token_rejections_total", "reason", "missing"));
        assertEquals(0.0, new PrometheusPage("# nothing yet\n").sum("auth_refreshes_total"));
    }
}
