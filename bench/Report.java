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
 * chart.svg: per scenario the median over runs of ops/s, p50 and p99.
 *   java bench/Report.java bench/results
 */
public class Report {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/results");
        Map<String, List<double[]>> byLabel = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("runs.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            byLabel.computeIfAbsent(str(line, "label"), k -> new ArrayList<>())
                    .add(new double[] {num(line, "ops_per_s"), num(line, "p50_ms"), num(line, "p99_ms"), num(line, "errors")});
        }
        String cpu = read(dir.resolve("cpu.json"));
        String memory = read(dir.resolve("memory.json"));
        StringBuilder md = new StringBuilder("| scenario | runs | ops/s (median) | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|\n");
        StringBuilder json = new StringBuilder("{\"scenarios\":[");
        List<Object[]> rows = new ArrayList<>();
        for (var e : byLabel.entrySet()) {
            List<double[]> runs = e.getValue();
            double ops = median(runs, 0), p50 = median(runs, 1), p99 = median(runs, 2);
            long errors = (long) runs.stream().mapToDouble(r -> r[3]).sum();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %d |%n", e.getKey(), runs.size(), ops, p50, p99, errors));
            json.append(rows.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"label\":\"%s\",\"runs\":%d,\"ops_per_s\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"errors\":%d}",
                    e.getKey(), runs.size(), ops, p50, p99, errors));
            rows.add(new Object[] {e.getKey(), ops, p50, p99});
        }
        json.append("],\"cpu\":").append(cpu.isBlank() ? "null" : cpu.strip())
                .append(",\"memory\":").append(memory.isBlank() ? "null" : memory.strip()).append("}\n");
        md.append("\nCPU cost (µs per operation): `").append(cpu.strip()).append("`\n\nResident memory after the run (MB): `")
                .append(memory.strip()).append("`\n");
        Files.writeString(dir.resolve("results.json"), json);
        Files.writeString(dir.resolve("results.md"), md);
        Files.writeString(dir.resolve("chart.svg"), svg(rows));
        System.out.print(md);
    }

    /** Two horizontal bar panels: throughput, and p50/p99 latency. */
    static String svg(List<Object[]> rows) {
        int rowH = 26, left = 230, width = 900, panel = 300, top = 40;
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
