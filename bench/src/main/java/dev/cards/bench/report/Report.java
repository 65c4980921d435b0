package dev.cards.bench.report;

import java.io.IOException;
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
 * Renders bench/results/runs.jsonl (+ starts.jsonl, hot-paths.jsonl, hash-limits.jsonl, cpu.json,
 * memory.json) as results.json, results.md and chart.svg. First the side-by-side table: per scenario run against both Keycloak
 * and ours (runs with a "server"), the median over interleaved rounds of each server's ops/s and
 * CPU per operation, and the ratio of the medians against its target. Then ours alone: per
 * scenario the median over runs of ops/s, p50 and p99, and for client-expiry (the runs that have
 * counts) a table of calls, caller failures, 401s and refreshes; our card read with and without
 * DPoP, and the client's cost of a proof; then the fresh JVM starts. Missing files count as empty;
 * only runs.jsonl is required.
 */
final class Report {

    /** The three outputs. */
    record Rendered(String json, String markdown, String svg) {
    }

    private Report() {
    }

    /** client-expiry's counts, in the order of a run's values after the four above. */
    static final List<String> COUNTS = List.of("calls", "caller_failures", "client_401s", "server_401s",
            "client_refreshes", "server_refreshes");

    static Rendered render(Path dir) throws IOException {
        Map<String, List<double[]>> byLabel = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> pairs = new LinkedHashMap<>();
        Map<String, List<String>> ownLines = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("runs.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            if (line.contains("\"server\":")) {
                pairs.computeIfAbsent(str(line, "label"), k -> new LinkedHashMap<>())
                        .computeIfAbsent(str(line, "server"), k -> new ArrayList<>()).add(line);
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
            ownLines.computeIfAbsent(str(line, "label"), k -> new ArrayList<>()).add(line);
        }
        String cpu = read(dir.resolve("cpu.json"));
        String memory = read(dir.resolve("memory.json"));
        StringBuilder md = new StringBuilder();
        List<Object[]> pairRows = new ArrayList<>();
        StringBuilder pairJson = new StringBuilder();
        if (!pairs.isEmpty()) {
            md.append("Side by side, one run, interleaved (Keycloak run, ours, Keycloak, ours, ...): medians over the rounds. "
                    + "CPU per operation: the server's process tree, and PostgreSQL's, over the measured period.\n\n"
                    + "| scenario | rounds | Keycloak ops/s | ours ops/s | ratio (per round) | target | "
                    + "CPU ms/op Keycloak / ours | PostgreSQL ms/op Keycloak / ours | p50 ms Keycloak / ours | errors |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|\n");
            for (var e : pairs.entrySet()) {
                List<String> kc = e.getValue().getOrDefault("keycloak", List.of());
                List<String> ours = e.getValue().getOrDefault("ours", List.of());
                double kcOps = med(kc, "ops_per_s"), oursOps = med(ours, "ops_per_s"), ratio = oursOps / kcOps;
                double target = num(ours.isEmpty() ? kc.get(0) : ours.get(0), "target");
                StringBuilder perRound = new StringBuilder();
                for (int i = 0; i < Math.min(kc.size(), ours.size()); i++) {
                    perRound.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f",
                            num(ours.get(i), "ops_per_s") / num(kc.get(i), "ops_per_s")));
                }
                long errors = (long) (sum(kc, "errors") + sum(ours, "errors"));
                boolean met = ratio >= target;
                md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | **%.2f×** (%s) | ≥ %.1f× %s | %.2f / %.2f | %.2f / %.2f | %.1f / %.1f | %d |%n",
                        e.getKey(), Math.min(kc.size(), ours.size()), kcOps, oursOps, ratio, perRound, target,
                        met ? "met" : "not met", med(kc, "cpu_ms_per_op_server"), med(ours, "cpu_ms_per_op_server"),
                        med(kc, "cpu_ms_per_op_pg"), med(ours, "cpu_ms_per_op_pg"), med(kc, "p50_ms"), med(ours, "p50_ms"), errors));
                pairJson.append(pairRows.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"label\":\"%s\",\"rounds\":%d,\"keycloak_ops_per_s\":%.1f,\"ours_ops_per_s\":%.1f,\"ratio\":%.3f,"
                                + "\"target\":%.1f,\"met\":%b,\"keycloak_cpu_ms_per_op\":%.3f,\"ours_cpu_ms_per_op\":%.3f,"
                                + "\"keycloak_pg_ms_per_op\":%.3f,\"ours_pg_ms_per_op\":%.3f,\"loadgen_cpu_pct\":%.0f}",
                        e.getKey(), Math.min(kc.size(), ours.size()), kcOps, oursOps, ratio, target, met,
                        med(kc, "cpu_ms_per_op_server"), med(ours, "cpu_ms_per_op_server"), med(kc, "cpu_ms_per_op_pg"),
                        med(ours, "cpu_ms_per_op_pg"), med(ours, "cpu_pct_loadgen")));
                pairRows.add(new Object[] {e.getKey(), kcOps, oursOps, ratio, target});
            }
            md.append("\n");
        }
        List<String> starts = read(dir.resolve("starts.jsonl")).lines().filter(l -> !l.isBlank()).toList();
        md.append("Ours alone:\n\n| scenario | runs | ops/s (median) | p50 ms | p99 ms | errors | CPU ms/op auth / cards / PostgreSQL |\n|---|---|---|---|---|---|---|\n");
        StringBuilder counts = new StringBuilder("| scenario | runs | calls | caller failures | 401s: client / server "
                + "| refreshes: client / server |\n|---|---|---|---|---|---|\n");
        StringBuilder json = new StringBuilder("{\"scenarios\":[");
        List<Object[]> rows = new ArrayList<>();
        boolean withCounts = false;
        Map<String, String> cpuOf = new LinkedHashMap<>();
        ownLines.forEach((label, lines) -> {
            if (!Double.isNaN(med(lines, "cpu_ms_per_op_server"))) {
                cpuOf.put(label, String.format(Locale.ROOT, "%.3f / %.3f / %.3f", med(lines, "cpu_ms_per_op_server"),
                        med(lines, "cpu_ms_per_op_cards"), med(lines, "cpu_ms_per_op_pg")));
            }
        });
        for (var e : byLabel.entrySet()) {
            List<double[]> runs = e.getValue();
            double ops = median(runs, 0), p50 = median(runs, 1), p99 = median(runs, 2);
            long errors = (long) runs.stream().mapToDouble(r -> r[3]).sum();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %d | %s |%n", e.getKey(), runs.size(), ops, p50, p99,
                    errors, cpuOf.containsKey(e.getKey()) ? cpuOf.get(e.getKey()) : "n/a"));
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
        Section overhead = clientOverhead(ownLines);
        md.append(overhead.markdown());
        Section dpop = dpop(ownLines, cpu);
        md.append(dpop.markdown());
        List<String> hot = read(dir.resolve("hot-paths.jsonl")).lines().filter(l -> !l.isBlank()).toList();
        if (!hot.isEmpty()) {
            md.append("\nWhere the server's CPU went (one separate run each under JFR, `cards-bench hot-paths`): share of the "
                    + "samples with the named code anywhere on the stack; own: only where it is the innermost code outside the JDK.\n\n| run | sampler | samples | shares |\n|---|---|---|---|\n");
            for (String l : hot) {
                Matcher m = Pattern.compile("\"([a-z0-9_]+)_share\":([0-9.]+|NaN)").matcher(l);
                List<String> shares = new ArrayList<>();
                while (m.find()) {
                    shares.add(String.format(Locale.ROOT, "%s %.1f %% (own %.1f %%)", m.group(1).replace('_', ' '),
                            Double.parseDouble(m.group(2)) * 100, num(l, m.group(1) + "_own") * 100));
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %s |%n", str(l, "label"), str(l, "sampler"), num(l, "samples"),
                        String.join(", ", shares)));
            }
        }
        String limits = read(dir.resolve("hash-limits.jsonl")).strip();
        json.append("],\"hot_paths\":[").append(String.join(",", hot));
        json.append("],\"client_overhead\":[").append(overhead.json());
        json.append("],\"dpop\":").append(dpop.json());
        json.append(",\"side_by_side\":[").append(pairJson).append("],\"starts\":[").append(String.join(",", starts));
        json.append("],\"hash_limits\":[").append(String.join(",", limits.lines().toList()));
        json.append("],\"cpu\":").append(cpu.isBlank() ? "null" : cpu.strip())
                .append(",\"memory\":").append(memory.isBlank() ? "null" : memory.strip()).append("}\n");
        if (!limits.isEmpty()) {
            md.append("\nArgon2 limit measured right before and after each login row (the machine's hashing speed varies):\n\n");
            limits.lines().forEach(l -> md.append("- `").append(l).append("`\n"));
        }
        if (!starts.isEmpty()) {
            List<Double> rates = starts.stream().map(l -> num(l, "ops_per_s")).toList();
            double median = medianOf(rates);
            double spread = rates.stream().mapToDouble(r -> Math.abs(r / median - 1)).max().orElse(0);
            md.append(String.format(Locale.ROOT, "%nFresh JVM starts of the auth-service on the existing database, one login run each "
                    + "(C=4, 7 MiB t=5): logins/s %s; median %.1f, largest deviation %.0f %% (target ±15 %%: %s). "
                    + "Start to ready (s), auth-service: %s; cards-service: %s (target ≤ 1.5 s).%n",
                    rates.stream().map(r -> String.format(Locale.ROOT, "%.1f", r)).toList(), median, spread * 100,
                    spread <= 0.15 ? "met" : "not met",
                    starts.stream().map(l -> String.format(Locale.ROOT, "%.2f", num(l, "auth_ready_s"))).toList(),
                    starts.stream().map(l -> String.format(Locale.ROOT, "%.2f", num(l, "cards_ready_s"))).toList()));
        }
        if (!memory.isBlank()) { // BENCH_ONLY=native writes its memory and starts to native.md instead
            double kcRss = num(memory, "keycloak_rss_mb"), authRss = Math.max(num(memory, "auth_service_rss_mb"),
                    num(memory, "auth_service_rotation_off_rss_mb")), cardsRss = num(memory, "cards_service_rss_mb");
            md.append(String.format(Locale.ROOT, "%nResident memory after the side-by-side rounds (MB): Keycloak %.0f, auth-service %.0f "
                    + "(%.2f of Keycloak's; target ≤ 0.33), cards-service %.0f (target ≤ 150). Keycloak start to ready: %s s.%n",
                    kcRss, authRss, authRss / kcRss, cardsRss, str(memory, "keycloak_ready_s").equals("?")
                            ? String.format(Locale.ROOT, "%.1f", num(memory, "keycloak_ready_s")) : "?"));
        }
        if (!cpu.isBlank()) {
            md.append("\nCPU cost (µs per operation): `").append(cpu.strip()).append("`\n");
        }
        if (!memory.isBlank()) {
            md.append("\nSettings and memory: `").append(memory.strip()).append("`\n");
        }
        return new Rendered(json.toString(), md.toString(), svg(pairRows, rows));
    }

    /**
     * The refreshing client against the same generated client with a fixed header, runs tagged
     * "overhead" and interleaved per round: the added latency is the median over rounds of each
     * round's p50 ratio. Both empty without such runs.
     */
    static Section clientOverhead(Map<String, List<String>> ownLines) {
        Map<String, Map<String, List<String>>> byConcurrency = new LinkedHashMap<>();
        ownLines.values().stream().flatMap(List::stream).filter(l -> !str(l, "overhead").equals("?"))
                .forEach(l -> byConcurrency.computeIfAbsent(str(l, "overhead"), k -> new LinkedHashMap<>())
                        .computeIfAbsent(l.contains("\"client\":\"fixed-header\"") ? "fixed" : "refreshing", k -> new ArrayList<>()).add(l));
        if (byConcurrency.isEmpty()) {
            return new Section("", "");
        }
        StringBuilder md = new StringBuilder("\nThe refreshing client against the same generated client with a fixed header "
                + "(`cards-bench client-expiry` with and without `--fixed-header`, no refresh due; interleaved per round). Added latency: "
                + "median over rounds of each round's p50 ratio.\n\n| concurrency | rounds | p50 ms fixed / refreshing "
                + "| added latency (per round) | ops/s fixed / refreshing | target |\n|---|---|---|---|---|---|\n");
        StringBuilder json = new StringBuilder();
        byConcurrency.forEach((c, modes) -> {
            List<String> fixed = modes.getOrDefault("fixed", List.of()), refreshing = modes.getOrDefault("refreshing", List.of());
            int rounds = Math.min(fixed.size(), refreshing.size());
            List<Double> added = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                added.add(num(refreshing.get(i), "p50_ms") / num(fixed.get(i), "p50_ms") - 1);
            }
            double median = medianOf(added);
            boolean met = median <= 0.10;
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f / %.2f | **%+.1f %%** (%s) | %.0f / %.0f | ≤ +10 %% %s |%n", c, rounds,
                    med(fixed, "p50_ms"), med(refreshing, "p50_ms"), median * 100,
                    String.join(", ", added.stream().map(a -> String.format(Locale.ROOT, "%+.1f", a * 100)).toList()),
                    med(fixed, "ops_per_s"), med(refreshing, "ops_per_s"), met ? "met" : "not met"));
            json.append(json.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"concurrency\":\"%s\",\"rounds\":%d,\"fixed_p50_ms\":%.3f,\"refreshing_p50_ms\":%.3f,"
                            + "\"added_latency\":%.4f,\"met\":%b}",
                    c, rounds, med(fixed, "p50_ms"), med(refreshing, "p50_ms"), median, met));
        });
        return new Section(md.toString(), json.toString());
    }

    /**
     * DPoP on our card read, runs tagged "dpop_pair" (cards-read and cards-read-dpop, interleaved per
     * round): the cards-service's CPU per read with DPoP over without, the median over rounds of each
     * round's ratio, against its target (at most 1.25×); and the client's added latency per call, one
     * proof made as the client makes it (cpu.json). Its JSON is an object; both parts may be empty.
     */
    static Section dpop(Map<String, List<String>> ownLines, String cpu) {
        Map<String, Map<Boolean, List<String>>> byPair = new LinkedHashMap<>();
        ownLines.values().stream().flatMap(List::stream).filter(l -> !str(l, "dpop_pair").equals("?"))
                .forEach(l -> byPair.computeIfAbsent(str(l, "dpop_pair"), k -> new LinkedHashMap<>())
                        .computeIfAbsent(str(l, "scenario").endsWith("-dpop"), k -> new ArrayList<>()).add(l));
        StringBuilder md = new StringBuilder();
        StringBuilder rows = new StringBuilder();
        if (!byPair.isEmpty()) {
            md.append("\nDPoP on our card read (`cards-read` against `cards-read-dpop`: `Authorization: DPoP` and a proof "
                    + "with `ath` per request; interleaved per round). Server CPU: the cards-service's per read, with DPoP "
                    + "over without, median over rounds of each round's ratio; PostgreSQL records every proof's jti.\n\n"
                    + "| concurrency | rounds | cards-service CPU ms/op without / with | ratio (per round) | target "
                    + "| PostgreSQL ms/op without / with | ops/s without / with | p50 ms without / with | errors |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
        }
        byPair.forEach((c, modes) -> {
            List<String> plain = modes.getOrDefault(false, List.of()), dpop = modes.getOrDefault(true, List.of());
            int rounds = Math.min(plain.size(), dpop.size());
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                ratios.add(num(dpop.get(i), "cpu_ms_per_op_cards") / num(plain.get(i), "cpu_ms_per_op_cards"));
            }
            double ratio = medianOf(ratios);
            boolean met = ratio <= 1.25;
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f / %.3f | **%.2f×** (%s) | ≤ 1.25× %s | %.3f / %.3f | %.0f / %.0f "
                    + "| %.2f / %.2f | %d |%n", c, rounds, med(plain, "cpu_ms_per_op_cards"), med(dpop, "cpu_ms_per_op_cards"), ratio,
                    String.join(", ", ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList()),
                    met ? "met" : "not met", med(plain, "cpu_ms_per_op_pg"), med(dpop, "cpu_ms_per_op_pg"),
                    med(plain, "ops_per_s"), med(dpop, "ops_per_s"), med(plain, "p50_ms"), med(dpop, "p50_ms"),
                    (long) (sum(plain, "errors") + sum(dpop, "errors"))));
            rows.append(rows.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"concurrency\":\"%s\",\"rounds\":%d,\"cards_cpu_ms_per_op\":%.3f,\"cards_cpu_ms_per_op_dpop\":%.3f,"
                            + "\"ratio\":%.3f,\"target\":1.25,\"met\":%b,\"pg_ms_per_op\":%.3f,\"pg_ms_per_op_dpop\":%.3f,"
                            + "\"ops_per_s\":%.1f,\"ops_per_s_dpop\":%.1f}",
                    c, rounds, med(plain, "cpu_ms_per_op_cards"), med(dpop, "cpu_ms_per_op_cards"), ratio, met,
                    med(plain, "cpu_ms_per_op_pg"), med(dpop, "cpu_ms_per_op_pg"), med(plain, "ops_per_s"), med(dpop, "ops_per_s")));
        });
        double wall = num(cpu, "dpop_proof_ES256_wall_us"), proofCpu = num(cpu, "dpop_proof_ES256_us");
        if (!Double.isNaN(wall)) {
            md.append(String.format(Locale.ROOT, "%nThe client's added latency per call with DPoP: one proof (Nimbus' "
                    + "`DefaultDPoPProofFactory`, ES256 on P-256, with `ath`; `cards-bench cpu-cost`, one thread, median of "
                    + "batches after warm-up) takes **%.0f µs** (%.0f µs of CPU).%n", wall, proofCpu));
        }
        String json = String.format(Locale.ROOT, "{\"card_read\":[%s],\"proof_wall_us\":%s,\"proof_cpu_us\":%s}", rows,
                Double.isNaN(wall) ? "null" : String.format(Locale.ROOT, "%.1f", wall),
                Double.isNaN(proofCpu) ? "null" : String.format(Locale.ROOT, "%.1f", proofCpu));
        return new Section(md.toString(), json);
    }

    /** A part of the report: its Markdown and its JSON rows. */
    record Section(String markdown, String json) {
    }

    /** The side-by-side panel (each row scaled to its larger figure), then ours alone. */
    static String svg(List<Object[]> pairs, List<Object[]> rows) {
        String own = ownSvg(rows);
        if (pairs.isEmpty()) {
            return own;
        }
        int rowH = 44, top = 40, left = 420, bar = 420;
        int height = top + pairs.size() * rowH + 20;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='12'>%n"
                        + "<rect width='100%%' height='100%%' fill='white'/>%n"
                        + "<text x='10' y='20' font-weight='bold'>same run, interleaved: ops/s, Keycloak (grey) and ours (blue); "
                        + "ratio ours/Keycloak, target in brackets</text>%n", left + bar + 160, height + 40 + rows.size() * 26 + 50));
        for (int i = 0; i < pairs.size(); i++) {
            Object[] r = pairs.get(i);
            int y = top + i * rowH;
            double kc = (double) r[1], ours = (double) r[2], max = Math.max(kc, ours);
            int wKc = (int) Math.max(1, kc / max * bar), wOurs = (int) Math.max(1, ours / max * bar);
            s.append(String.format(Locale.ROOT,
                    "<text x='%d' y='%d' text-anchor='end'>%s</text>%n"
                            + "<rect x='%d' y='%d' width='%d' height='16' fill='#9a9a9a'/><text x='%d' y='%d'>%.1f</text>%n"
                            + "<rect x='%d' y='%d' width='%d' height='16' fill='#3b6ea5'/><text x='%d' y='%d'>%.1f  → %.2f× (≥ %.1f×)</text>%n",
                    left - 8, y + 20, esc((String) r[0]), left, y, wKc, left + wKc + 4, y + 12, kc,
                    left, y + 18, wOurs, left + wOurs + 4, y + 30, ours, (double) r[3], (double) r[4]));
        }
        int offset = height + 20;
        return s.append("<g transform='translate(0,").append(offset).append(")'>")
                .append(own.substring(own.indexOf('\n') + 1).replace("</svg>\n", "</g>\n")).append("</svg>\n").toString();
    }

    /** Two horizontal bar panels: throughput, and p50/p99 latency. */
    static String ownSvg(List<Object[]> rows) {
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

    static double med(List<String> lines, String key) {
        return medianOf(lines.stream().map(l -> num(l, key)).filter(v -> !Double.isNaN(v)).toList());
    }

    static double sum(List<String> lines, String key) {
        return lines.stream().mapToDouble(l -> num(l, key)).filter(v -> !Double.isNaN(v)).sum();
    }

    static double medianOf(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
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

    static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
