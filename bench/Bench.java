import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 *
 * Scenarios: login, refresh, cards-read, cards-write. Prints one JSON object on stdout.
 */
public class Bench {

    static final Pattern REFRESH = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");
    static final Pattern ACCESS = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final String PASSWORD = "correct horse battery staple";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String auth;
    final String cards;

    Bench(String auth, String cards) {
        this.auth = auth;
        this.cards = cards;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("--auth", "http://localhost:8081", "--cards", "http://localhost:8082",
                "--concurrency", "8", "--seconds", "20", "--warmup", "5"));
        for (int i = 1; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        String scenario = args[0];
        int workers = Integer.parseInt(opt.get("--concurrency"));
        Bench bench = new Bench(opt.get("--auth"), opt.get("--cards"));
        List<Step> steps = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            steps.add(bench.worker(scenario));
        }
        Result result = run(steps, Duration.ofSeconds(Long.parseLong(opt.get("--warmup"))),
                Duration.ofSeconds(Long.parseLong(opt.get("--seconds"))));
        System.out.println(result.json(scenario, workers));
    }

    /** One worker's loop body, after its own set-up (an account, a session, a card). */
    Step worker(String scenario) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
        expect(201, post(auth + "/auth/signup", credentials, null));
        String session = expect(200, post(auth + "/auth/login", credentials, null));
        switch (scenario) {
            case "login":
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
    static Result run(List<Step> steps, Duration warmup, Duration measured) throws Exception {
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
        done.await();
        long[] all = perWorker.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, errors.get(), measured);
    }

    record Result(long[] latenciesMicros, long errors, Duration measured) {
        String json(String scenario, int workers) {
            double seconds = measured.toMillis() / 1000.0;
            return String.format(Locale.ROOT,
                    "{\"scenario\":\"%s\",\"concurrency\":%d,\"seconds\":%.1f,\"requests\":%d,\"errors\":%d,"
                            + "\"ops_per_s\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f}",
                    scenario, workers, seconds, latenciesMicros.length, errors, latenciesMicros.length / seconds,
                    percentile(0.50), percentile(0.99));
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
