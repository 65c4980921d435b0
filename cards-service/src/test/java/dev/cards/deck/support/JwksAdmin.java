package dev.cards.deck.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

/** Steers the {@link TestJwksServer} of the running test application. */
public final class JwksAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private JwksAdmin() {
    }

    /** Publishes exactly these keys. */
    public static void publish(TestKey... keys) {
        String body = Arrays.stream(keys).map(TestKey::jwkJson).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        call("/jwks", body);
    }

    public static void goDown() {
        call("/down", "");
    }

    public static void comeUp() {
        call("/up", "");
    }

    /** From now on the JWKS answer says {@code Cache-Control: max-age=<seconds>}; null for none. */
    public static void maxAge(Integer seconds) {
        call("/max-age", seconds == null ? "" : seconds.toString());
    }

    public static int fetches() {
        return Integer.parseInt(call("/fetches", ""));
    }

    private static String call(String action, String body) {
        String base = ConfigProvider.getConfig().getValue("test.jwks.admin-url", String.class);
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + action)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException("test JWKS server did not answer", e);
        }
    }
}
