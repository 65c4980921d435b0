package dev.cards.auth.service;

import java.util.List;
import java.util.Map;

/**
 * A short, human label for the session list from a User-Agent ("Firefox on Linux", "cards-cli/1.0"):
 * never the whole header (it identifies a browser build, and it is the client's to choose), at most
 * 64 printable ASCII characters. Nothing decides access by it.
 */
final class DeviceLabel {

    static final int MAX = 64;

    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg/", "Edge"), Map.entry("OPR/", "Opera"), Map.entry("Firefox/", "Firefox"),
            Map.entry("Chrome/", "Chrome"), Map.entry("Chromium/", "Chromium"), Map.entry("Safari/", "Safari"));
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("Android", "Android"), Map.entry("iPhone", "iOS"), Map.entry("iPad", "iPadOS"),
            Map.entry("Windows", "Windows"), Map.entry("Mac OS X", "macOS"), Map.entry("CrOS", "ChromeOS"),
            Map.entry("Linux", "Linux"));

    private DeviceLabel() {
    }

    static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "unknown";
        }
        String browser = first(BROWSERS, userAgent);
        if (browser != null) {
            String system = first(SYSTEMS, userAgent);
            return system == null ? browser : browser + " on " + system;
        }
        // Not a browser: its first product token (RFC 9110 §10.1.5), e.g. "curl/8.5.0".
        String product = userAgent.strip().split("[\\s(]", 2)[0];
        return printable(product.isEmpty() ? "unknown" : product);
    }

    private static String first(List<Map.Entry<String, String>> known, String userAgent) {
        return known.stream().filter(e -> userAgent.contains(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(c -> c >= 0x21 && c < 0x7f).limit(MAX).forEach(out::appendCodePoint);
        return out.isEmpty() ? "unknown" : out.toString();
    }
}
