package dev.cards.testsupport.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;

/**
 * Runs the packaged service as its generated Deployment declares it: the container's env, the
 * ConfigMap and the Secrets behind envFrom and volumes, and no port of the test's choosing. Then
 * asks the declared probe paths on the declared port, as the kubelet would. A service's
 * {@code ManifestProbeIT} extends this with the Secrets its README documents.
 *
 * <p>Not checked here: that every variable names a key the service knows. Quarkus 3.33 warns
 * about an unknown {@code quarkus.foo} given as a system property or dotted env name, but says
 * nothing about an unknown {@code QUARKUS_FOO} or {@code AUTH_FOO} variable (tried by hand), so
 * the log cannot tell.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DeclaredProbesContract {

    /**
     * The kubelet allows initialDelay + failureThreshold × period (35 s as generated); a loaded
     * 2-core CI machine gets more.
     */
    private static final Duration PROBE_BUDGET = Duration.ofSeconds(90);
    private static final String JDBC_URL = "QUARKUS_DATASOURCE_JDBC_URL";

    protected Container container;
    /** The environment the service was started with, as the manifest declares it. */
    protected Map<String, String> env;
    private PackagedService service;

    /**
     * The Secrets the README tells the operator to create: name → key → value. In the PostgreSQL
     * suite the database Secret holds the role that owns the test database (.ci/run).
     */
    protected abstract Map<String, Map<String, String>> secrets() throws Exception;

    /** The PostgreSQL database of the {@code -Ppostgresql} suite, e.g. {@code cards_auth_test}. */
    protected abstract String testDatabase();

    @BeforeAll
    void startAsDeclared() throws Exception {
        GeneratedManifest manifest = GeneratedManifest.load();
        container = manifest.container();
        Path dir = Files.createTempDirectory("manifest");
        env = ContainerEnvironment.of(manifest.resources(), manifest.pod(), container, secrets(), dir);

        // The one value that cannot be used as declared: the database host `postgres` is a
        // Kubernetes Service name. Only the JDBC URL is rewritten; everything else is as declared.
        String declaredUrl = env.get(JDBC_URL);
        assertTrue(declaredUrl.startsWith("jdbc:postgresql://postgres:"), declaredUrl);
        Map<String, String> run = new LinkedHashMap<>(env);
        Path jar;
        List<String> jvmArgs;
        if (System.getProperty("quarkus.test.profile", "").contains("pg")) {
            jar = Path.of("target/quarkus-app/quarkus-run.jar");
            jvmArgs = List.of();
            // The suite's database, or the one given as -D%pg.quarkus.datasource.jdbc.url (a database of one's own).
            String testUrl = System.getProperty("%pg.quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:5432/" + testDatabase());
            run.put(JDBC_URL, declaredUrl.replaceFirst("^jdbc:postgresql://[^/]+/[^?]+", Matcher.quoteReplacement(testUrl)));
        } else {
            // Default suite: no PostgreSQL, so the embedded package on its own (%local) H2 URL.
            jar = Path.of("target/local-app/quarkus-run.jar");
            jvmArgs = List.of("-Dquarkus.profile=local");
            run.remove(JDBC_URL);
        }
        // No QUARKUS_HTTP_PORT: the service must listen on the declared containerPort by itself.
        container.getPorts().forEach(p -> PackagedService.requireFree(p.getContainerPort()));
        service = PackagedService.start(jar, jvmArgs, run, dir.resolve("service.log"));
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void startupProbeAnswersOnTheDeclaredPath() throws Exception {
        assertAnswers(container.getStartupProbe());
    }

    @Test
    void readinessProbeAnswersOnTheDeclaredPath() throws Exception {
        assertAnswers(container.getReadinessProbe());
    }

    @Test
    void livenessProbeAnswersOnTheDeclaredPath() throws Exception {
        assertAnswers(container.getLivenessProbe());
    }

    protected void assertAnswers(Probe probe) throws Exception {
        assertNotNull(probe, "probe declared");
        HTTPGetAction get = probe.getHttpGet();
        assertTrue(get.getScheme() == null || get.getScheme().equals("HTTP"), get.getScheme());
        int port = get.getPort().getIntVal() != null ? get.getPort().getIntVal()
                : container.getPorts().stream().filter(p -> get.getPort().getStrVal().equals(p.getName())).findFirst()
                        .orElseThrow().getContainerPort();
        int status = service.awaitOk(port, get.getPath(), PROBE_BUDGET);
        assertEquals(200, status, () -> get.getPath() + " on port " + port + " did not answer 200 within " + PROBE_BUDGET
                + (service.isAlive() ? "" : "; the service exited") + "; see " + service.log);
    }
}
