import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's CPU went during one run, from a JFR recording of it: for
 * each named pattern, the share of samples with a frame whose class.method matches it anywhere on
 * the stack. A frame counts once per sample, so a share is what the server would save without
 * that code, and shares of overlapping patterns do not add up. The samples are JDK 25's CPU-time
 * samples (jdk.CPUTimeSample, JEP 509), which also catch threads in native code such as libargon2,
 * where the recording has them; else the execution samples, which only see Java code. The "own"
 * share counts only the samples whose innermost frame outside the JDK matches: the code's own
 * work and the JDK calls it makes, not what it calls on (the next handler of a chain, say).
 *
 *   java bench/HotPaths.java recording.jfr name=regex [name=regex ...]
 *
 * Prints one JSON object: {"sampler":"jdk.CPUTimeSample","samples":N,"name_share":0.123,"name_own":0.012,...}.
 */
public class HotPaths {

    static final Pattern JDK = Pattern.compile("(java|javax|jdk|sun|com\\.sun)\\.");

    public static void main(String[] args) throws Exception {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            patterns.put(args[i].substring(0, eq), Pattern.compile(args[i].substring(eq + 1)));
        }
        Map<String, Long> hits = new LinkedHashMap<>();
        Map<String, Long> own = new LinkedHashMap<>();
        patterns.keySet().forEach(k -> {
            hits.put(k, 0L);
            own.put(k, 0L);
        });
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        String type = events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.CPUTimeSample"))
                ? "jdk.CPUTimeSample" : "jdk.ExecutionSample";
        long samples = 0;
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals(type) || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<String> frames = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
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
        StringBuilder json = new StringBuilder("{\"sampler\":\"").append(type).append("\",\"samples\":").append(samples);
        for (var h : hits.entrySet()) {
            json.append(String.format(Locale.ROOT, ",\"%s_share\":%.4f,\"%s_own\":%.4f", h.getKey(),
                    samples == 0 ? Double.NaN : (double) h.getValue() / samples, h.getKey(),
                    samples == 0 ? Double.NaN : (double) own.get(h.getKey()) / samples));
        }
        System.out.println(json.append('}'));
    }
}
