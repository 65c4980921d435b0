package dev.cards.bench.http;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU of named process trees (a pid and its descendants, from /proc on Linux) and of this load
 * generator ({@code loadgen}), between {@link #begin} and {@link #end}: the measured period only.
 */
final class CpuWatch {

    static final double HZ = 100; // USER_HZ
    private final Map<String, Long> roots;
    private final Map<String, Set<Long>> trees = new LinkedHashMap<>();
    private final Map<String, Long> ticks0 = new LinkedHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    CpuWatch(Map<String, Long> roots) {
        this.roots = roots;
    }

    /**
     * {@code name=pid,name=pid,...} as {@code --watch} takes it; empty for none.
     *
     * @throws IllegalArgumentException for a pair without a name or a numeric pid
     */
    static Map<String, Long> parse(String spec) {
        Map<String, Long> roots = new LinkedHashMap<>();
        for (String kv : spec.split(",")) {
            if (kv.isBlank()) {
                continue;
            }
            String[] p = kv.split("=", -1);
            if (p.length != 2 || p[0].isBlank() || !p[1].matches("[0-9]+")) {
                throw new IllegalArgumentException("--watch takes name=pid pairs separated by commas, not '" + kv + "'");
            }
            roots.put(p[0], Long.parseLong(p[1]));
        }
        return roots;
    }

    void begin() {
        Map<Long, long[]> snap = snapshot();
        roots.forEach((name, pid) -> {
            trees.put(name, descendants(snap, pid));
            ticks0.put(name, ticks(snap, trees.get(name)));
        });
        ticks0.put("loadgen", selfCpuNanos());
    }

    void end() {
        Map<Long, long[]> snap = snapshot();
        trees.forEach((name, tree) -> seconds.put(name, (ticks(snap, tree) - ticks0.get(name)) / HZ));
        seconds.put("loadgen", (selfCpuNanos() - ticks0.get("loadgen")) / 1e9);
    }

    /** CPU seconds per watched name (and {@code loadgen}) over the measured period, in --watch order. */
    Map<String, Double> seconds() {
        return Collections.unmodifiableMap(seconds);
    }

    private static long selfCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** {utime + stime, ppid} of every live process. */
    private static Map<Long, long[]> snapshot() {
        Map<Long, long[]> m = new HashMap<>();
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    m.put(Long.parseLong(name), new long[] { Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[1]) });
                } catch (IOException | RuntimeException gone) {
                    // the process ended between the listing and the read
                }
            }
        } catch (IOException e) {
            // no /proc: no CPU figures
        }
        return m;
    }

    /** {@code root} and every process whose parent chain leads to it, in a snapshot of {ticks, ppid} by pid. */
    static Set<Long> descendants(Map<Long, long[]> snap, long root) {
        Set<Long> out = new HashSet<>(Set.of(root));
        for (boolean grew = true; grew;) {
            grew = false;
            for (var e : snap.entrySet()) {
                if (!out.contains(e.getKey()) && out.contains(e.getValue()[1])) {
                    grew = out.add(e.getKey()) || grew;
                }
            }
        }
        return out;
    }

    static long ticks(Map<Long, long[]> snap, Set<Long> tree) {
        return tree.stream().mapToLong(p -> snap.containsKey(p) ? snap.get(p)[0] : 0).sum();
    }
}
