package dev.cards.bench.flood;

import dev.cards.bench.Unchecked;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A flood of correct logins against one account from many client addresses, and what it does to a
 * legitimate user's refresh (issue 20, point 2). Phase "before": one client at 127.0.0.1 refreshes
 * its own session in a closed loop; phase "during": the same, while {@code --addresses} loopback
 * addresses each keep {@code --connections} login requests in flight with the victim's correct
 * password. Prints one JSON line (see {@link FloodResult}). Bounded in count and time; it talks
 * only to a loopback URL.
 *
 * <p>Binding a client to a source address needs JDK 19+ ({@code HttpClient.Builder.localAddress}),
 * called reflectively so that the module stays at release 17; bench/login-flood runs it on JDK 25.
 */
@Command(name = "login-flood", mixinStandardHelpOptions = true,
        description = "Refresh latency of a legitimate user before and during a flood of correct logins to another "
                + "account from many loopback addresses; prints one JSON line.")
public class LoginFloodCommand implements Runnable {

    private static final Pattern REFRESH = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8081", paramLabel = "URL",
            description = "the auth-service, on a loopback address (default: ${DEFAULT-VALUE})")
    URI base;

    @Option(names = "--victim", required = true, paramLabel = "EMAIL", description = "the flooded account")
    String victim;

    @Option(names = "--legit", required = true, paramLabel = "EMAIL", description = "the user whose refresh is measured")
    String legit;

    @Option(names = "--password", required = true, paramLabel = "P", description = "both accounts' password")
    String password;

    @Option(names = "--addresses", defaultValue = "12", paramLabel = "N",
            description = "flooding addresses 127.0.0.2.. (1 to 250; default: ${DEFAULT-VALUE})")
    int addresses;

    @Option(names = "--connections", defaultValue = "18", paramLabel = "N",
            description = "login requests in flight per address (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--seconds", defaultValue = "25", paramLabel = "S", description = "the flood's length (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--before-seconds", defaultValue = "10", paramLabel = "S",
            description = "refreshes measured before the flood (default: ${DEFAULT-VALUE})")
    int before;

    @Override
    public void run() {
        validate();
        Unchecked.run(() -> {
            spec.commandLine().getOut().println(flood().json());
            spec.commandLine().getOut().flush();
        });
    }

    /** A usage error (exit code 2) before anything is sent: sizes in range, and a loopback URL. */
    void validate() {
        if (addresses < 1 || addresses > 250 || connections < 1 || seconds < 2 || before < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--addresses must be 1 to 250, --connections and --before-seconds at least 1, --seconds at least 2");
        }
        String host = base.getHost();
        if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            throw new ParameterException(spec.commandLine(), "--url must be a loopback address, not " + base);
        }
    }

    private FloodResult flood() throws Exception {
        HttpClient own = client(InetAddress.getByName("127.0.0.1"));
        String[] refresh = { login(own, legit) };
        List<Long> calm = refreshLoop(own, refresh, Duration.ofSeconds(before));

        Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
        long floodEnd = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> flood = new ArrayList<>();
        String body = credentials(victim, password);
        for (int a = 0; a < addresses; a++) {
            HttpClient attacker = client(InetAddress.getByName("127.0.0." + (2 + a)));
            for (int c = 0; c < connections; c++) {
                Thread t = new Thread(() -> {
                    while (System.nanoTime() < floodEnd) {
                        int status;
                        try {
                            status = attacker.send(post("/auth/login", body), HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                        } catch (Exception e) {
                            status = -1; // a refused or reset connection
                        }
                        answers.computeIfAbsent(status, k -> new LongAdder()).increment();
                    }
                });
                t.setDaemon(true);
                t.start();
                flood.add(t);
            }
        }
        Thread.sleep(1000); // the flood reaches its full width before the measurement starts
        List<Long> flooded = refreshLoop(own, refresh, Duration.ofNanos(floodEnd - System.nanoTime()));
        for (Thread t : flood) {
            t.join(30_000);
        }
        return new FloodResult(addresses, connections, seconds, calm, flooded, answers);
    }

    /** Refreshes in a closed loop (rotation: each answer's token is the next request's); nanos per call. */
    private List<Long> refreshLoop(HttpClient http, String[] token, Duration length) throws Exception {
        List<Long> took = new ArrayList<>();
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(post("/auth/refresh", "{\"refresh_token\":\"" + token[0] + "\"}"),
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

    private String login(HttpClient http, String email) throws Exception {
        HttpResponse<String> answer = http.send(post("/auth/login", credentials(email, password)),
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

    /** An HTTP/1.1 client whose connections leave from {@code local}. */
    private static HttpClient client(InetAddress local) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        try {
            HttpClient.Builder.class.getMethod("localAddress", InetAddress.class).invoke(builder, local);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("login-flood binds clients to 127.0.0.x: run it on JDK 19 or later", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot bind a client to " + local + ": " + e.getCause(), e);
        }
        return builder.build();
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }
}
