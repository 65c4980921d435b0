package dev.cards.auth.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged auth-service in its own JVM, on a free port, stopped on close. */
final class ReplicaProcess implements AutoCloseable {

    private final Process process;
    final String baseUrl;
    final Path log;

    private ReplicaProcess(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts the jar with the given environment and waits until it is ready. */
    static ReplicaProcess start(Path jar, List<String> jvmArgs, Map<String, String> env, Path log) throws Exception {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        ReplicaProcess replica = new ReplicaProcess(builder.start(), "http://localhost:" + port, log);
        replica.awaitReady("http://localhost:" + managementPort, Duration.ofSeconds(90));
        return replica;
    }

    /** Waits for readiness on the management interface at {@code managementUrl}. */
    private void awaitReady(String managementUrl, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The auth-service exited; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("The auth-service did not become ready in " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(10), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
