package dev.cards.client.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;


/**
 * Both packaged services, started once for the end-to-end tests: 2-second access tokens, a file
 * database and a fixed signing key for the auth-service (so a restart keeps users, sessions and
 * keys), room there for the tests' many sign-ups from this one address, and a cards-service that
 * trusts its JWKS with a 1-second clock skew (so expiry shows quickly).
 */
public final class Services {

    /** The packaged services; -De2e.auth-jar / -De2e.cards-jar point elsewhere. */
    public static final Path AUTH_JAR = Path.of(System.getProperty("e2e.auth-jar",
            repositoryRoot().resolve("auth-service/target/local-app/quarkus-run.jar").toString()));
    public static final Path CARDS_JAR = Path.of(System.getProperty("e2e.cards-jar",
            repositoryRoot().resolve("cards-service/target/local-app/quarkus-run.jar").toString()));
    /** The cards-service's clock skew: 1 s, so an expired token is refused a second after its exp (0, none, works too). */
    public static final int SERVER_SKEW_SECONDS = 1;
    private static Services running;

    public final ServiceProcess auth;
    public final ServiceProcess cards;

    private Services(ServiceProcess auth, ServiceProcess cards) {
        this.auth = auth;
        this.cards = cards;
    }

    /** Starts the services on first use; fails (never skips) when they have not been packaged. */
    public static synchronized Services get() throws Exception {
        return get(Duration.ofSeconds(2));
    }

    /** The services with access tokens of this lifetime (the first call in a JVM decides). */
    public static synchronized Services get(Duration accessTokenLifetime) throws Exception {
        if (!Files.isRegularFile(AUTH_JAR) || !Files.isRegularFile(CARDS_JAR)) {
            throw new IllegalStateException("The services are not packaged: run the full reactor (./mvnw verify), "
                    + "which builds auth-service and cards-service before cards-client");
        }
        if (running == null) {
            Path dir = Files.createDirectories(Path.of("target/e2e"));
            Path key = dir.resolve("signing-key.pem");
            writeKey(key);
            int authPort = ServiceProcess.freePort();
            ServiceProcess auth = new ServiceProcess("auth-service", AUTH_JAR, authPort, fresh(dir.resolve("auth-service.log")),
                    List.of("-Dquarkus.profile=local", "-Dauth.access-token.lifetime=" + accessTokenLifetime,
                            // Every test signs up its own users, all from this machine: more than the
                            // default 10 per address and window (the limit is the auth-service's SignupLimitTest's).
                            "-Dauth.signup-limit.max-per-address=1000",
                            "-Dauth.signing-key.location=" + key.toAbsolutePath(),
                            "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("auth-db")
                                    + "-" + authPort + ";DB_CLOSE_DELAY=-1"));
            auth.start();
            ServiceProcess cards = new ServiceProcess("cards-service", CARDS_JAR, ServiceProcess.freePort(),
                    fresh(dir.resolve("cards-service.log")),
                    List.of("-Dquarkus.profile=local", "-Dmp.jwt.verify.publickey.location=" + auth.url() + "/.well-known/jwks.json",
                            "-Dmp.jwt.verify.clock.skew=" + SERVER_SKEW_SECONDS));
            cards.start();
            running = new Services(auth, cards);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    running.cards.close();
                    running.auth.close();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return running;
    }

    /** The checkout's top folder, from whichever module's folder the tests run in. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("auth-service"))) {
            dir = dir.getParent();
        }
        return dir != null ? dir : Path.of("..");
    }

    private static Path fresh(Path log) throws IOException {
        Files.deleteIfExists(log);
        return log;
    }

    private static void writeKey(Path file) throws Exception {
        // EC P-256: the key type the services ship with (ES256).
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, pem);
    }
}
