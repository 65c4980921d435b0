package dev.cards.deck.realauth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged auth-service ({@code auth-service/target/local-app/quarkus-run.jar}, embedded
 * database) running as a child process on a given port, with a given signing key.
 */
final class AuthServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("../auth-service/target/local-app/quarkus-run.jar");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String management;
    private final Process process;

    private AuthServiceProcess(int port, int managementPort, Process process) {
        this.base = "http://127.0.0.1:" + port;
        this.management = "http://127.0.0.1:" + managementPort;
        this.process = process;
    }

    /** Starts the auth-service and waits until it is ready. */
    static AuthServiceProcess start(int port, Path signingKey, Path... retiredPublicKeys) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath().normalize() + " is missing; build it with "
                    + "./mvnw -pl auth-service package -DskipTests (a full reactor build does this first)");
        }
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int managementPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            managementPort = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(javaBinary,
                "-Dquarkus.profile=local",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort,
                "-Dauth.signing-key.location=" + signingKey.toAbsolutePath()));
        if (retiredPublicKeys.length > 0) {
            command.add("-Dauth.signing-key.additional-public-keys=" + String.join(",",
                    Arrays.stream(retiredPublicKeys).map(p -> p.toAbsolutePath().toString()).toList()));
        }
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Path log = Files.createDirectories(Path.of("target")).resolve("real-auth-service-" + port + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        AuthServiceProcess auth = new AuthServiceProcess(port, managementPort, process);
        auth.awaitReady(log);
        return auth;
    }

    /** Signs up a new account and logs in: the access token of the login response. */
    String signUpAndLogIn(String email, String password) throws IOException, InterruptedException {
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        expect(201, post("/auth/signup", credentials));
        HttpResponse<String> login = post("/auth/login", credentials);
        expect(200, login);
        Matcher token = ACCESS_TOKEN.matcher(login.body());
        if (!token.find()) {
            throw new AssertionError("login response has no access_token");
        }
        return token.group(1);
    }

    /** The service's base URL, e.g. http://127.0.0.1:PORT. */
    String base() {
        return base;
    }

    /** Deletes the account of {@code accessToken} (issue 24): 204 expected. */
    void deleteAccount(String accessToken, String password) throws IOException, InterruptedException {
        expect(204, http.send(HttpRequest.newBuilder(URI.create(base + "/auth/account/deletion"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** The user ids the auth-service still holds for its consumers to delete, read as the cards-service's client. */
    String pendingDeletions(String clientSecret) throws IOException, InterruptedException {
        String basic = java.util.Base64.getEncoder().encodeToString(("cards-service:" + clientSecret).getBytes());
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(200, token);
        Matcher access = ACCESS_TOKEN.matcher(token.body());
        if (!access.find()) {
            throw new AssertionError("token response has no access_token");
        }
        HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create(base + "/internal/account-deletions"))
                .header("Authorization", "Bearer " + access.group(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(200, feed);
        return feed.body();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().uri().getPath() + " answered " + response.statusCode()
                    + ", expected " + status);
        }
    }

    private void awaitReady(Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("auth-service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(management + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("auth-service not ready within 60 s; see " + log);
    }
}
