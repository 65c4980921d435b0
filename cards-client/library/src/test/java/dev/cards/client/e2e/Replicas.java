package dev.cards.client.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two auth-service and two cards-service processes, as two replicas of each would run on a cluster:
 * the auth-services share one database and one signing key, the cards-services share another
 * database, and each cards-service reads the JWKS of a different auth-service. Default suite: the
 * embedded packages ({@code target/local-app}, profile {@code local}) on H2 files in server mode;
 * PostgreSQL suite ({@code quarkus.test.profile} contains {@code pg}): the production packages
 * ({@code target/quarkus-app}) on the PostgreSQL test databases. Replicas start one after another,
 * each once the previous is ready, so Flyway never migrates one database twice at once.
 */
final class Replicas {

    /** The cards-services' clock skew: 1 s, so an expired token is refused a second after its exp (0, none, works too). */
    static final int SERVER_SKEW_SECONDS = 1;
    private static final Pattern METRIC = Pattern.compile("^(\\w+)\\{([^}]*)\\}\\s+(\\S+)$");

    private final boolean postgres = System.getProperty("quarkus.test.profile", "").contains("pg");
    private final Path dir;
    private final Path authJar;
    private final Path cardsJar;
    final List<ServiceProcess> auth = new ArrayList<>();
    final List<ServiceProcess> cards = new ArrayList<>();
    private Path signingKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Starts the replicas on the given ports (those of the client's Stork static lists). */
    Replicas(int[] authPorts, int[] cardsPorts) throws Exception {
        String app = postgres ? "quarkus-app" : "local-app";
        Path authApp = Services.repositoryRoot().resolve("auth-service/target").resolve(app);
        Path cardsApp = Services.repositoryRoot().resolve("cards-service/target").resolve(app);
        if (!Files.isRegularFile(authApp.resolve("quarkus-run.jar")) || !Files.isRegularFile(cardsApp.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("The services are not packaged (" + authApp + ", " + cardsApp
                    + "): run ./mvnw -B package -DskipTests -pl auth-service,cards-service first");
        }
        dir = Files.createDirectories(Path.of("target/replicas")).toAbsolutePath();
        // Run copies: the auth-services restart mid-class, and a service module rebuilt meanwhile
        // (another build on the same machine) must not be half-written when they do.
        authJar = snapshot(authApp, dir.resolve("apps/auth-service")).resolve("quarkus-run.jar");
        cardsJar = snapshot(cardsApp, dir.resolve("apps/cards-service")).resolve("quarkus-run.jar");
        for (String file : List.of("auth.mv.db", "auth.lock.db", "cards.mv.db", "cards.lock.db")) {
            Files.deleteIfExists(dir.resolve(file)); // a fresh H2 database each run
        }
        signingKey = writeKeyPair("signing-1");
        try {
            for (int i = 0; i < authPorts.length; i++) {
                auth.add(new ServiceProcess("auth-service-" + (i + 1), authJar, authPorts[i],
                        fresh("auth-service-" + (i + 1) + ".log"), authProperties(List.of())).start());
            }
            for (int i = 0; i < cardsPorts.length; i++) {
                // Each cards-service trusts the JWKS of a different auth-service: both publish the same keys.
                URI jwks = auth.get(i % auth.size()).url().resolve("/.well-known/jwks.json");
                cards.add(new ServiceProcess("cards-service-" + (i + 1), cardsJar, cardsPorts[i],
                        fresh("cards-service-" + (i + 1) + ".log"), cardsProperties(jwks)).start());
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Restarts every auth-service on its port with {@code extra} properties added, one after the
     * other (stopping all first, so none of them holds the shared H2 file while another restarts).
     */
    void restartAuth(List<String> extra) throws Exception {
        for (ServiceProcess process : auth) {
            process.stop();
        }
        for (int i = 0; i < auth.size(); i++) {
            ServiceProcess old = auth.get(i);
            auth.set(i, new ServiceProcess(old.name, old.jar, old.port, old.log, authProperties(extra)).start());
        }
    }

    /**
     * Key rotation as an operator does it: a new signing key, the old public key still published so
     * tokens it signed keep verifying until they expire. Returns the properties to restart with.
     */
    List<String> rotatedKeyProperties(String name) throws Exception {
        Path oldPublic = dir.resolve(signingKey.getFileName().toString().replace(".pem", ".pub.pem"));
        signingKey = writeKeyPair(name);
        return List.of("-Dauth.signing-key.additional-public-keys=" + oldPublic);
    }

    private List<String> authProperties(List<String> extra) {
        List<String> properties = new ArrayList<>(database("auth", "cards_auth_test", "cards_auth"));
        properties.add("-Dauth.access-token.lifetime=2S");
        // Without the reuse grace, parallel refreshes of one token have exactly one winner: the race under test.
        properties.add("-Dauth.refresh-token.reuse-grace=0S");
        properties.add("-Dauth.signing-key.location=" + signingKey);
        properties.addAll(extra);
        return properties;
    }

    private List<String> cardsProperties(URI jwks) {
        List<String> properties = new ArrayList<>(database("cards", "cards_cards_test", "cards_cards"));
        properties.add("-Dmp.jwt.verify.publickey.location=" + jwks);
        properties.add("-Dmp.jwt.verify.clock.skew=" + SERVER_SKEW_SECONDS);
        return properties;
    }

    /** The role is the one that owns the test database (.ci/run), its password its name. */
    private List<String> database(String h2Name, String postgresName, String role) {
        if (postgres) {
            return List.of("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + postgresName,
                    "-Dquarkus.datasource.username=" + role, "-Dquarkus.datasource.password=" + role);
        }
        // AUTO_SERVER: the first process serves the file over TCP to the second.
        return List.of("-Dquarkus.profile=local",
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dir.resolve(h2Name) + ";AUTO_SERVER=TRUE");
    }

    /**
     * Sum of a Prometheus counter at {@code /q/metrics} over the series whose labels contain every one
     * of {@code labels} (e.g. {@code uri="/cards"}).
     */
    double counter(ServiceProcess service, String name, String... labels) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.managementUrl().resolve("/q/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service.name + " /q/metrics answered " + response.statusCode());
        }
        double sum = 0;
        for (String line : response.body().split("\n")) {
            Matcher m = METRIC.matcher(line.trim());
            if (m.matches() && m.group(1).equals(name) && Arrays.stream(labels).allMatch(m.group(2)::contains)) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }

    double[] counts(List<ServiceProcess> services, String name, String... labels) throws Exception {
        double[] counts = new double[services.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = counter(services.get(i), name, labels);
        }
        return counts;
    }

    /** Per-service increase since {@code before}, once it adds up to {@code expected} (metrics are recorded after the response). */
    double[] awaitDelta(List<ServiceProcess> services, double[] before, int expected, String name,
            String... labels) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            double[] delta = counts(services, name, labels);
            for (int i = 0; i < delta.length; i++) {
                delta[i] -= before[i];
            }
            if (Arrays.stream(delta).sum() >= expected || Instant.now().isAfter(deadline)) {
                return delta;
            }
            Thread.sleep(100);
        }
    }

    void close() throws InterruptedException {
        for (ServiceProcess process : cards) {
            process.stop();
        }
        for (ServiceProcess process : auth) {
            process.stop();
        }
    }

    private static Path snapshot(Path app, Path copy) throws IOException {
        if (Files.exists(copy)) {
            try (var old = Files.walk(copy)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(copy.getParent());
        try (var files = Files.walk(app)) {
            for (Path path : files.toList()) {
                Files.copy(path, copy.resolve(app.relativize(path).toString()));
            }
        }
        return copy;
    }

    private Path fresh(String log) throws IOException {
        Path file = dir.resolve(log);
        Files.deleteIfExists(file);
        return file;
    }

    /** Writes {@code <name>.pem} (PKCS#8 private key) and {@code <name>.pub.pem} (X.509 public key). */
    private Path writeKeyPair(String name) throws Exception {
        // EC P-256: the key type the services ship with (ES256).
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes());
        Files.writeString(dir.resolve(name + ".pub.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + pem.encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        return Files.writeString(dir.resolve(name + ".pem"), "-----BEGIN PRIVATE KEY-----\n"
                + pem.encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    }
}
