package dev.cards.bench.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's metrics page (/q/metrics, Prometheus text format), read for a few counters. The services
 * serve it on their management interface, whose port is 1000 above the public one by default (8081 → 9081).
 */
final class PrometheusPage {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)");
    private final String text;

    PrometheusPage(String text) {
        this.text = text;
    }

    /** The page of the service at {@code base}; empty when it cannot be read (e.g. a stork:// URL). */
    static Optional<PrometheusPage> fetch(HttpClient http, URI base) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(managementOf(base).resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(new PrometheusPage(response.body())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static URI managementOf(URI base) {
        return URI.create(base.getScheme() + "://" + base.getHost() + ":" + (base.getPort() + 1000));
    }

    /** The sum of every series of {@code metric}; 0 when it has none (yet: a counter may appear on first use). */
    double sum(String metric) {
        return sum(metric, null);
    }

    /** The sum of the series of {@code metric} whose {@code label} is {@code value}. */
    double sum(String metric, String label, String value) {
        return sum(metric, label + "=\"" + value + "\"");
    }

    private double sum(String metric, String labelPair) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            // Commas around the labels so that a pair matches only whole, first or last (a trailing comma is allowed).
            if (m.find() && m.group(1).equals(metric)
                    && (labelPair == null || ("," + m.group(2) + ",").contains("," + labelPair + ","))) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }
}
