import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns bench/results/runs.jsonl (+ cpu.json, memory.json) into results.json, results.md and
 * chart.svg: per scenario the median over runs of ops/s, p50 and p99, and for client-expiry (the
 * runs that have counts) a second table of calls, caller failures, 401s and refreshes.
 *   java bench/Report.java bench/results
 */
public class Report {

    /** client-expiry's counts (cards load), in the order of a run's values after the four above. */
    static final List<String> COUNTS = List.of("calls", "caller_failures", "client_401s", "server_401s",
            "client_refreshes", "server_refreshes");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/results");
        Map<String, List<double[]>> byLabel = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("runs.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            double[] run = new double[4 + COUNTS.size()];
            run[0] = num(line, "ops_per_s");
            run[1] = num(line, "p50_ms");
            run[2] = num(line, "p99_ms");
            run[3] = num(line, "errors");
            for (int i = 0; i < COUNTS.size(); i++) {
                run[4 + i] = num(line, COUNTS.get(i)); // NaN for the other scenarios and for a null count
            }
            byLabel.computeIfAbsent(str(line, "label"), k -> new ArrayList<>()).add(run);
        }
        String cpu = read(dir.resolve("cpu.json"));
        String memory = read(dir.resolve("memory.json"));
        StringBuilder md = new StringBuilder("| scenario | runs | ops/s (median) | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|\n");
        StringBuilder counts = new StringBuilder("| scenario | runs | calls | caller failures | 401s: client / server "
                + "| refreshes: client / server |\n|---|---|---|---|---|---|\n");
        StringBuilder json = new StringBuilder("{\"scenarios\":[");
        List<Object[]> rows = new ArrayList<>();
        boolean withCounts = false;
        for (var e : byLabel.entrySet()) {
            List<double[]> runs = e.getValue();
            double ops = median(runs, 0), p50 = median(runs, 1), p99 = median(runs, 2);
            long errors = (long) runs.stream().mapToDouble(r -> r[3]).sum();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %d |%n", e.getKey(), runs.size(), ops, p50, p99, errors));
            json.append(rows.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"label\":\"%s\",\"runs\":%d,\"ops_per_s\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"errors\":%d",
                    e.getKey(), runs.size(), ops, p50, p99, errors));
            if (runs.stream().anyMatch(r -> !Double.isNaN(r[4]))) {
                withCounts = true;
                // Counts per run (median of runs), except caller failures: their total, as for errors.
                double[] c = new double[COUNTS.size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = COUNTS.get(i).equals("caller_failures") ? runs.stream().mapToDouble(r -> r[5]).sum() : medianCount(runs, 4 + i);
                    json.append(",\"").append(COUNTS.get(i)).append("\":").append(count(c[i], "null"));
                }
                counts.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s / %s | %s / %s |%n", e.getKey(),
                        runs.size(), count(c[0], "n/a"), count(c[1], "n/a"), count(c[2], "n/a"), count(c[3], "n/a"),
                        count(c[4], "n/a"), count(c[5], "n/a")));
            }
            json.append("}");
            rows.add(new Object[] {e.getKey(), ops, p50, p99});
        }
        if (withCounts) {
            md.append("\nclient-expiry, per measured period (median of runs; caller failures: total over runs). 401s: "
                    + "answers from the cards-service as the client received them / as the service counted them "
                    + "(`cards_token_rejections_total`); refreshes: refresh requests the client sent / the "
                    + "auth-service answered (`auth_refreshes_total`).\n\n").append(counts);
        }
        String limits = read(dir.resolve("hash-limits.jsonl")).strip();
        json.append("],\"hash_limits\":[").append(String.join(",", limits.lines().toList()));
        json.append("],\"cpu\":").append(cpu.isBlank() ? "null" : cpu.strip())
                .append(",\"memory\":").append(memory.isBlank() ? "null" : memory.strip()).append("}\n");
        if (!limits.isEmpty()) {
            md.append("\nArgon2 limit measured right before and after each login row (the machine's hashing speed varies):\n\n");
            limits.lines().forEach(l -> md.append("- `").append(l).append("`\n"));
        }
        md.append("\nCPU cost (µs per operation): `").append(cpu.strip()).append("`\n\nResident memory after the Bench.java scenarios, before client-expiry restarts the services (MB): `")
                .append(memory.strip()).append("`\n");
        Files.writeString(dir.resolve("results.json"), json);
        Files.writeString(dir.resolve("results.md"), md);
        Files.writeString(dir.resolve("chart.svg"), svg(rows));
        System.out.print(md);
    }

    /** Two horizontal bar panels: throughput, and p50/p99 latency. */
    static String svg(List<Object[]> rows) {
        int longest = rows.stream().mapToInt(r -> ((String) r[0]).length()).max().orElse(0);
        int rowH = 26, panel = 300, top = 40;
        int left = Math.max(230, 12 + longest * 7); // room for the longest label at font size 12
        int width = left + 760; // two panels, the gap between them, and the latency figures after the longest bar
        int height = top + rows.size() * rowH + 50;
        double maxOps = rows.stream().mapToDouble(r -> (double) r[1]).max().orElse(1);
        double maxMs = rows.stream().mapToDouble(r -> (double) r[3]).max().orElse(1);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='12'>%n"
                        + "<rect width='100%%' height='100%%' fill='white'/>%n"
                        + "<text x='%d' y='20' font-weight='bold'>throughput (ops/s, median of runs)</text>%n"
                        + "<text x='%d' y='20' font-weight='bold'>latency (ms): p50 dark, p99 light</text>%n",
                width, height, left, left + panel + 60));
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            int y = top + i * rowH;
            double ops = (double) r[1], p50 = (double) r[2], p99 = (double) r[3];
            int wOps = (int) Math.max(1, ops / maxOps * panel);
            int w99 = (int) Math.max(1, p99 / maxMs * panel);
            int w50 = (int) Math.max(1, p50 / maxMs * panel);
            int x2 = left + panel + 60;
            s.append(String.format(Locale.ROOT,
                    "<text x='%d' y='%d' text-anchor='end'>%s</text>%n"
                            + "<rect x='%d' y='%d' width='%d' height='18' fill='#3b6ea5'/><text x='%d' y='%d'>%.0f</text>%n"
                            + "<rect x='%d' y='%d' width='%d' height='18' fill='#f2b880'/>"
                            + "<rect x='%d' y='%d' width='%d' height='18' fill='#c4603b'/><text x='%d' y='%d'>%.1f / %.1f</text>%n",
                    left - 8, y + 13, esc((String) r[0]), left, y, wOps, left + wOps + 4, y + 13, ops,
                    x2, y, w99, x2, y, w50, x2 + w99 + 4, y + 13, p50, p99));
        }
        return s.append("</svg>\n").toString();
    }

    static double median(List<double[]> runs, int i) {
        double[] v = runs.stream().mapToDouble(r -> r[i]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Median of a count; NaN when a run lacks it (sorted last, a NaN could otherwise pass for the median). */
    static double medianCount(List<double[]> runs, int i) {
        return runs.stream().anyMatch(r -> Double.isNaN(r[i])) ? Double.NaN : median(runs, i);
    }

    /** A count as a whole number (a median of two runs may be .5), or {@code missing}. */
    static String count(double value, String missing) {
        return Double.isNaN(value) ? missing : String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.1f", value);
    }

    static String str(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static double num(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([-0-9.eE]+|NaN)").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    static String read(Path p) throws Exception {
        return Files.exists(p) ? Files.readString(p) : "";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
