package dev.cards.peer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cards.client.e2e.ServiceProcess;
import dev.cards.client.e2e.Services;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The packaged auth-service and cards-service, started the way the project's end-to-end tests
 * start them: 2-second access tokens, the issuer set to the URL the auth-service is reached
 * at (so its metadata names reachable endpoints), the confidential client this application
 * uses registered by configuration, and a fresh user. The application is pointed at them.
 */
public class PackagedServices implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "quarkus-peer";
    /** SHA-256 of the application's secret "peer-secret": the auth-service keeps only this. */
    static final String SECRET_SHA256 = "0d688cfe267855dded641a0e268868a7709798969c4760dfa2c8fac1bb590eed";
    static final String PASSWORD = "correct horse battery staple";

    static ServiceProcess auth;
    static ServiceProcess cards;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createDirectories(Path.of("target/peer"));
            int authPort = ServiceProcess.freePort();
            String issuer = "http://127.0.0.1:" + authPort;
            auth = new ServiceProcess("auth-service", Services.AUTH_JAR, authPort, fresh(dir.resolve("auth-service.log")),
                    List.of("-Dquarkus.profile=local", "-Dauth.access-token.lifetime=2S", "-Dauth.issuer=" + issuer,
                            "-Dauth.oauth.clients." + CLIENT_ID + ".type=confidential",
                            "-Dauth.oauth.clients." + CLIENT_ID + ".secret-sha256=" + SECRET_SHA256,
                            "-Dauth.oauth.clients." + CLIENT_ID + ".grant-types=password,refresh_token"));
            auth.start();
            cards = new ServiceProcess("cards-service", Services.CARDS_JAR, ServiceProcess.freePort(),
                    fresh(dir.resolve("cards-service.log")),
                    List.of("-Dquarkus.profile=local", "-Dmp.jwt.verify.issuer=" + issuer,
                            "-Dmp.jwt.verify.publickey.location=" + issuer + "/.well-known/jwks.json",
                            "-Dmp.jwt.verify.clock.skew=" + Services.SERVER_SKEW_SECONDS));
            cards.start();
            String email = "peer-" + UUID.randomUUID() + "@example.com";
            signUp(email);
            return Map.of("quarkus.oidc-client.auth-server-url", issuer,
                    "quarkus.rest-client.cards.url", cards.url().toString(),
                    "peer.username", email,
                    "peer.password", PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the packaged services", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (cards != null) {
                cards.close();
            }
            if (auth != null) {
                auth.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void signUp(String email) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(auth.url() + "/auth/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("Sign-up failed: " + answer.statusCode());
        }
    }

    private static Path fresh(Path log) throws Exception {
        Files.deleteIfExists(log);
        return log;
    }
}
