import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A flood of correct logins against one account from many client addresses, and what it does to a
 * legitimate user's refresh (issue 20, point 2). Phase "before": one client at 127.0.0.1 refreshes
 * its own session in a closed loop; phase "during": the same, while {@code --addresses} loopback
 * addresses each keep {@code --connections} login requests in flight with the victim's correct
 * password. Prints one JSON line: the refresh latencies of both phases and the flood's answers by
 * status. Bounded in count and time; it talks only to the loopback address it is given.
 * <p>
 * Needs JDK 19+ (HttpClient.Builder.localAddress):
 * {@code java bench/LoginFlood.java --url http://127.0.0.1:8081 --victim a@x --legit b@x --password P}
 */
public class LoginFlood {

    private static final Pattern REFRESH = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        URI base = URI.create(o.getOrDefault("url", "http://127.0.0.1:8081"));
        String victim = o.get("victim");
        String legit = o.get("legit");
        String password = o.get("password");
        int addresses = Integer.parseInt(o.getOrDefault("addresses", "12"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "18"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "25"));
        int before = Integer.parseInt(o.getOrDefault("before-seconds", "10"));
        if (victim == null || legit == null || password == null || addresses > 250) {
            throw new IllegalArgumentException("--victim, --legit and --password are required; --addresses at most 250");
        }

        HttpClient own = client(InetAddress.getByName("127.0.0.1"));
        String[] refresh = {login(own, base, legit, password)};
        List<Long> calm = refreshLoop(own, base, refresh, Duration.ofSeconds(before));

        Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
        long floodEnd = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> flood = new ArrayList<>();
        String body = credentials(victim, password);
        for (int a = 0; a < addresses; a++) {
            HttpClient attacker = client(InetAddress.getByName("127.0.0." + (2 + a)));
            for (int c = 0; c < connections; c++) {
                flood.add(Thread.ofPlatform().daemon().start(() -> {
                    while (System.nanoTime() < floodEnd) {
                        int status;
                        try {
                            status = attacker.send(post(base, "/auth/login", body), HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                        } catch (Exception e) {
                            status = -1; // a refused or reset connection
                        }
                        answers.computeIfAbsent(status, k -> new LongAdder()).increment();
                    }
                }));
            }
        }
        Thread.sleep(1000); // the flood reaches its full width before the measurement starts
        List<Long> flooded = refreshLoop(own, base, refresh, Duration.ofNanos(floodEnd - System.nanoTime()));
        for (Thread t : flood) {
            t.join(Duration.ofSeconds(30));
        }

        StringBuilder byStatus = new StringBuilder();
        answers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> byStatus
                .append(byStatus.isEmpty() ? "" : ",").append('"').append(e.getKey()).append("\":").append(e.getValue().sum()));
        System.out.printf("{\"addresses\":%d,\"connections\":%d,\"seconds\":%d,"
                + "\"refresh_before\":%s,\"refresh_during\":%s,\"flood_answers\":{%s}}%n",
                addresses, connections, seconds, stats(calm), stats(flooded), byStatus);
    }

    /** Refreshes in a closed loop (rotation: each answer's token is the next request's); nanos per call. */
    private static List<Long> refreshLoop(HttpClient http, URI base, String[] token, Duration length) throws Exception {
        List<Long> took = new ArrayList<>();
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(post(base, "/auth/refresh", "{\"refresh_token\":\"" + token[0] + "\"}"),
                    HttpResponse.BodyHandlers.ofString());
            took.add(System.nanoTime() - t0);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the legitimate refresh failed: " + answer.statusCode() + " " + answer.body());
            }
            token[0] = refreshTokenOf(answer.body());
            Thread.sleep(20); // a user, not a load generator: about 50 refreshes a second at most
        }
        return took;
    }

    private static String login(HttpClient http, URI base, String email, String password) throws Exception {
        HttpResponse<String> answer = http.send(post(base, "/auth/login", credentials(email, password)),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + answer.statusCode() + " " + answer.body());
        }
        return refreshTokenOf(answer.body());
    }

    private static String refreshTokenOf(String body) {
        Matcher m = REFRESH.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no refresh_token in the answer");
        }
        return m.group(1);
    }

    private static HttpClient client(InetAddress local) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).localAddress(local)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpRequest post(URI base, String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static String stats(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("{\"n\":%d,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"max_ms\":%.2f}", sorted.length,
                percentile(sorted, 0.5), percentile(sorted, 0.9), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }
}
