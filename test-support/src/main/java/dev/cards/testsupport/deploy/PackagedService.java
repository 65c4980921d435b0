package dev.cards.testsupport.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service in its own JVM with exactly the environment it is given (nothing inherited
 * from the build), on whatever port it chooses itself; stopped on close.
 */
public final class PackagedService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    public final Path log;

    private PackagedService(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static PackagedService start(Path jar, List<String> jvmArgs, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // A container sees its manifest's variables, not the Maven build's (no stray QUARKUS_* from the CI).
        builder.environment().clear();
        builder.environment().putAll(env);
        return new PackagedService(builder.start(), log);
    }

    /** Fails unless nothing accepts connections on the port: the service must take it, not share it. */
    public static void requireFree(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        } catch (IOException nothingListens) {
            return;
        }
        throw new IllegalStateException("Port " + port + ", declared in the manifest, is already in use on this machine;"
                + " stop whatever listens there (ss -ltnp 'sport = :" + port + "') and run the test again");
    }

    /** GETs the path until it answers 200 or the budget is spent; returns the last status (-1: never answered). */
    public int awaitOk(int port, String path, Duration budget) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + budget.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return status;
                }
            } catch (IOException notListeningYet) {
                // keep asking, as the kubelet does until the probe's budget is spent
            }
            Thread.sleep(250);
        }
        return status;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
