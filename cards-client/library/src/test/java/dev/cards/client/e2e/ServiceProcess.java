package dev.cards.client.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service run as a child process on a free port (the caller passes the profile, e.g.
 * {@code -Dquarkus.profile=local} for {@code target/local-app/quarkus-run.jar}), its output in a file
 * so tests can count what its access log shows.
 */
public final class ServiceProcess implements AutoCloseable {

    public final String name;
    public final Path jar;
    public final int port;
    public final Path log;
    private final List<String> properties;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Path log, List<String> properties) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.log = log;
        this.properties = properties;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Health and metrics: the management interface, 1000 above the public port (as 8081 → 9081). */
    public URI managementUrl() {
        return URI.create("http://127.0.0.1:" + (port + 1000));
    }

    public ServiceProcess start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.management.port=" + (port + 1000));
        command.add("-Dquarkus.management.host=127.0.0.1");
        // The access log lets a test count the requests that reached the service.
        command.add("-Dquarkus.http.access-log.enabled=true");
        command.addAll(properties);
        command.add("-jar");
        command.add(jar.toString());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitReady();
        return this;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        // Generous: several JVMs start one after another on a small, busy machine.
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited at start:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(managementUrl().resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready after 120 s:\n" + Files.readString(log));
    }

    /** Lines of the service's output that contain {@code text}. */
    public long linesContaining(String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
