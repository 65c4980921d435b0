import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load generator: C workers, each sending its next request when the previous one
 * answered, for a warm-up and then a measured period. Only the JDK is needed:
 *
 *   java bench/Bench.java SCENARIO [--auth URL] [--cards URL] [--concurrency C] [--seconds S] [--warmup S]
 *                                   [--users N] [--watch name=pid,...] [--keycloak URL]
 *
 * Scenarios: login, refresh, cards-read, cards-write against our services; kc-login, kc-refresh
 * against Keycloak's token endpoint (realm bench, public client bench-client, password grant);
 * signup-users signs user1..userN@bench.test up with our auth-service (409 ignored). With --users N,
 * login and refresh use those N shared accounts (the same ones bench/keycloak provisions), otherwise
 * a fresh account per worker. --watch reports each process tree's CPU over the measured period, as
 * % of one core and as milliseconds of CPU per operation. Prints one JSON object on stdout.
 */
public class Bench {

    static final Pattern REFRESH = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");
    static final Pattern ACCESS = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final String PASSWORD = "correct horse battery staple";
    static final String KC_CLIENT = "bench-client";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String auth;
    final String cards;
    final String keycloakToken;
    final int users;
    final AtomicLong cursor = new AtomicLong();
    int workerIndex;

    Bench(String auth, String cards, String keycloak, int users) {
        this.auth = auth;
        this.cards = cards;
        this.keycloakToken = keycloak + "/realms/bench/protocol/openid-connect/token";
        this.users = users;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("--auth", "http://localhost:8081", "--cards", "http://localhost:8082",
                "--concurrency", "8", "--seconds", "20", "--warmup", "5", "--keycloak", "http://127.0.0.1:18080",
                "--users", "0"));
        for (int i = 1; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        String scenario = args[0];
        int workers = Integer.parseInt(opt.get("--concurrency"));
        Bench bench = new Bench(opt.get("--auth"), opt.get("--cards"), opt.get("--keycloak"),
                Integer.parseInt(opt.get("--users")));
        if (scenario.equals("signup-users")) {
            bench.signUpUsers();
            return;
        }
        List<Step> steps = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            bench.workerIndex = w;
            steps.add(bench.worker(scenario));
        }
        CpuWatch watch = new CpuWatch(opt.getOrDefault("--watch", ""));
        Result result = run(steps, Duration.ofSeconds(Long.parseLong(opt.get("--warmup"))),
                Duration.ofSeconds(Long.parseLong(opt.get("--seconds"))), watch);
        System.out.println(result.json(scenario, workers, watch));
    }

    /** The shared accounts, as bench/keycloak provisions them in Keycloak's realm. */
    String sharedEmail(long n) {
        return "user" + (n % users + 1) + "@bench.test";
    }

    void signUpUsers() throws Exception {
        for (int u = 0; u < users; u++) {
            HttpResponse<String> r = post(auth + "/auth/signup", credentials(sharedEmail(u)), null);
            if (r.statusCode() != 201 && r.statusCode() != 409) {
                expect(201, r);
            }
        }
    }

    static String credentials(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    static String form(String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.append(i == 0 ? "" : "&").append(kv[i]).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    HttpResponse<String> keycloak(String form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(keycloakToken)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Keycloak's scenarios: the password grant, or a chain of refresh grants (RFC 6749 §4.3, §6). */
    Step keycloakWorker(String scenario) throws Exception {
        String own = sharedEmail(workerIndex);
        String login = form("grant_type", "password", "client_id", KC_CLIENT, "username", own, "password", PASSWORD);
        if (scenario.equals("kc-login")) {
            return () -> expect(200, keycloak(form("grant_type", "password", "client_id", KC_CLIENT,
                    "username", sharedEmail(cursor.getAndIncrement()), "password", PASSWORD)));
        }
        String[] refresh = {find(REFRESH, expect(200, keycloak(login)))};
        return () -> refresh[0] = find(REFRESH, expect(200, keycloak(form("grant_type", "refresh_token",
                "client_id", KC_CLIENT, "refresh_token", refresh[0]))));
    }

    /** One worker's loop body, after its own set-up (an account, a session, a card). */
    Step worker(String scenario) throws Exception {
        if (scenario.startsWith("kc-")) {
            return keycloakWorker(scenario);
        }
        String email = users > 0 ? sharedEmail(workerIndex) : "bench-" + UUID.randomUUID() + "@example.com";
        String credentials = credentials(email);
        if (users == 0) {
            expect(201, post(auth + "/auth/signup", credentials, null));
        }
        String session = expect(200, post(auth + "/auth/login", credentials, null));
        switch (scenario) {
            case "login":
                if (users > 0) { // round-robin over the shared accounts, as kc-login does
                    return () -> expect(200, post(auth + "/auth/login", credentials(sharedEmail(cursor.getAndIncrement())), null));
                }
                return () -> expect(200, post(auth + "/auth/login", credentials, null));
            case "refresh": {
                String[] refresh = {find(REFRESH, session)};
                return () -> refresh[0] = find(REFRESH,
                        expect(200, post(auth + "/auth/refresh", "{\"refresh_token\":\"" + refresh[0] + "\"}", null)));
            }
            case "cards-read": {
                String access = find(ACCESS, session);
                String id = find(ID, expect(201, post(cards + "/cards", card(0), access)));
                return () -> expect(200, send(HttpRequest.newBuilder(URI.create(cards + "/cards/" + id))
                        .header("Authorization", "Bearer " + access).GET().build()));
            }
            case "cards-write": {
                String access = find(ACCESS, session);
                AtomicLong n = new AtomicLong();
                return () -> {
                    HttpResponse<String> created = post(cards + "/cards", card(n.incrementAndGet()), access);
                    expect(201, created);
                    String id = find(ID, created.body());
                    String etag = created.headers().firstValue("ETag").orElseThrow();
                    expect(200, send(HttpRequest.newBuilder(URI.create(cards + "/cards/" + id))
                            .header("Authorization", "Bearer " + access).header("Content-Type", "application/json")
                            .header("If-Match", etag).PUT(HttpRequest.BodyPublishers.ofString(card(-1))).build()));
                };
            }
            default:
                throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    static String card(long n) {
        return "{\"question\":\"What is " + n + " squared?\",\"answer\":\"" + (n * n) + "\",\"tags\":[\"math\",\"bench\"]}";
    }

    HttpResponse<String> post(String url, String json, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ", expected " + status + ": " + response.body());
        }
        return response.body();
    }

    static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body);
        }
        return m.group(1);
    }

    interface Step {
        void run() throws Exception;
    }

    /** Runs every worker for warm-up + measured time; latencies of the measured part only. */
    static Result run(List<Step> steps, Duration warmup, Duration measured, CpuWatch watch) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        List<long[]> perWorker = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(steps.size());
        List<Thread> threads = new ArrayList<>();
        for (Step step : steps) {
            long[][] holder = {new long[1 << 16]};
            int[] count = {0};
            perWorker.add(null);
            int index = perWorker.size() - 1;
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        try {
                            step.run();
                        } catch (Exception e) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println("error: " + e.getMessage());
                            }
                            continue;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            if (count[0] == holder[0].length) {
                                holder[0] = Arrays.copyOf(holder[0], count[0] * 2);
                            }
                            holder[0][count[0]++] = (t1 - t0) / 1_000;
                        }
                    }
                } finally {
                    synchronized (perWorker) {
                        perWorker.set(index, Arrays.copyOf(holder[0], count[0]));
                    }
                    done.countDown();
                }
            });
            threads.add(t);
        }
        threads.forEach(Thread::start);
        sleepUntil(measureFrom);
        watch.begin();
        sleepUntil(end);
        watch.end();
        done.await();
        long[] all = perWorker.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, errors.get(), measured);
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long d;
        while ((d = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, d / 1_000_000));
        }
    }

    /**
     * CPU of named process trees (a pid and its descendants, from /proc on Linux) and of this load
     * generator, between begin() and end(): the measured period only.
     */
    static final class CpuWatch {
        static final double HZ = 100; // USER_HZ
        final Map<String, Long> roots = new LinkedHashMap<>();
        final Map<String, Set<Long>> trees = new LinkedHashMap<>();
        final Map<String, Long> ticks0 = new LinkedHashMap<>();
        final Map<String, Double> seconds = new LinkedHashMap<>();

        CpuWatch(String spec) {
            for (String kv : spec.split(",")) {
                if (!kv.isBlank()) {
                    String[] p = kv.split("=");
                    roots.put(p[0], Long.parseLong(p[1]));
                }
            }
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

        static long selfCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }

        /** {utime + stime, ppid} of every live process. */
        static Map<Long, long[]> snapshot() {
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
                        m.put(Long.parseLong(name), new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[1])});
                    } catch (IOException | RuntimeException gone) {
                        // the process ended between the listing and the read
                    }
                }
            } catch (IOException e) {
                // no /proc: no CPU figures
            }
            return m;
        }

        static Set<Long> descendants(Map<Long, long[]> snap, long root) {
            Set<Long> out = new HashSet<>(Set.of(root));
            for (boolean grew = true; grew; ) {
                grew = false;
                for (var e : snap.entrySet()) {
                    if (!out.contains(e.getKey()) && out.contains(e.getValue()[1])) {
                        grew = out.add(e.getKey());
                    }
                }
            }
            return out;
        }

        static long ticks(Map<Long, long[]> snap, Set<Long> tree) {
            return tree.stream().mapToLong(p -> snap.containsKey(p) ? snap.get(p)[0] : 0).sum();
        }
    }

    record Result(long[] latenciesMicros, long errors, Duration measured) {
        String json(String scenario, int workers, CpuWatch watch) {
            double seconds = measured.toMillis() / 1000.0;
            StringBuilder cpu = new StringBuilder();
            watch.seconds.forEach((name, s) -> cpu.append(String.format(Locale.ROOT,
                    ",\"cpu_pct_%s\":%.1f,\"cpu_ms_per_op_%s\":%.3f", name, s / seconds * 100, name,
                    latenciesMicros.length == 0 ? Double.NaN : s * 1000 / latenciesMicros.length)));
            return String.format(Locale.ROOT,
                    "{\"scenario\":\"%s\",\"concurrency\":%d,\"seconds\":%.1f,\"requests\":%d,\"errors\":%d,"
                            + "\"ops_per_s\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f%s}",
                    scenario, workers, seconds, latenciesMicros.length, errors, latenciesMicros.length / seconds,
                    percentile(0.50), percentile(0.99), cpu);
        }

        double percentile(double q) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(q * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, i)] / 1000.0;
        }
    }
}
