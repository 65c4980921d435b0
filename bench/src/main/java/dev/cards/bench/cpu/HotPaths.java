package dev.cards.bench.cpu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a server's CPU went: for each named pattern, the share of samples with a frame whose
 * class.method matches it anywhere on the stack. A frame counts once per sample, so a share is what
 * the server would save without that code, and shares of overlapping patterns do not add up. The
 * "own" share counts only the samples whose innermost frame outside the JDK matches: the code's own
 * work and the JDK calls it makes, not what it calls on (the next handler of a chain, say).
 */
final class HotPaths {

    static final Pattern JDK = Pattern.compile("(java|javax|jdk|sun|com\\.sun)\\.");

    private final Map<String, Pattern> patterns;
    private final Map<String, Long> hits = new LinkedHashMap<>();
    private final Map<String, Long> own = new LinkedHashMap<>();
    private long samples;

    HotPaths(Map<String, Pattern> patterns) {
        this.patterns = patterns;
        patterns.keySet().forEach(k -> {
            hits.put(k, 0L);
            own.put(k, 0L);
        });
    }

    /**
     * {@code name=regex} arguments, in order.
     *
     * @throws IllegalArgumentException for one without a name or with an invalid regex
     */
    static Map<String, Pattern> parse(List<String> specs) {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq < 1 || !spec.substring(0, eq).matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException("expected name=regex with a name of a-z, 0-9 and _, not '" + spec + "'");
            }
            patterns.put(spec.substring(0, eq), Pattern.compile(spec.substring(eq + 1)));
        }
        return patterns;
    }

    /** One sample's stack, innermost frame first, each frame as class.method. */
    void sample(List<String> frames) {
        samples++;
        String owner = frames.stream().filter(f -> !JDK.matcher(f).lookingAt()).findFirst().orElse("");
        for (var p : patterns.entrySet()) {
            if (frames.stream().anyMatch(f -> p.getValue().matcher(f).find())) {
                hits.merge(p.getKey(), 1L, Long::sum);
            }
            if (p.getValue().matcher(owner).find()) {
                own.merge(p.getKey(), 1L, Long::sum);
            }
        }
    }

    /** {"sampler":...,"samples":N,"name_share":0.123,"name_own":0.012,...}; shares are NaN without samples. */
    String json(String sampler) {
        StringBuilder json = new StringBuilder("{\"sampler\":\"").append(sampler).append("\",\"samples\":").append(samples);
        for (var h : hits.entrySet()) {
            json.append(String.format(Locale.ROOT, ",\"%s_share\":%.4f,\"%s_own\":%.4f", h.getKey(),
                    samples == 0 ? Double.NaN : (double) h.getValue() / samples, h.getKey(),
                    samples == 0 ? Double.NaN : (double) own.get(h.getKey()) / samples));
        }
        return json.append('}').toString();
    }
}
