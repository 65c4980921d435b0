package dev.cards.auth.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Runs the packaged auth-service as its generated Deployment declares it: the container's env, the
 * ConfigMap and the `cards-db` Secret behind envFrom, the `auth-signing-key` Secret mounted as a
 * file, and no port of the test's choosing. Then asks the declared probe paths on the declared
 * port, as the kubelet would.
 *
 * <p>Not checked here: that every variable names a key the service knows. Quarkus 3.33 warns
 * about an unknown {@code quarkus.foo} given as a system property or dotted env name, but says
 * nothing about an unknown {@code QUARKUS_FOO} or {@code AUTH_FOO} variable (tried by hand), so
 * the log cannot tell.
 */
class ManifestProbeIT {

    /**
     * The kubelet allows initialDelay + failureThreshold × period (35 s as generated); a loaded
     * 2-core CI machine gets more.
     */
    private static final Duration PROBE_BUDGET = Duration.ofSeconds(90);
    private static final String JDBC_URL = "QUARKUS_DATASOURCE_JDBC_URL";

    private static Container container;
    private static PackagedService service;

    @BeforeAll
    static void startAsDeclared() throws Exception {
        List<HasMetadata> resources;
        try (InputStream in = Files.newInputStream(Path.of("target/kubernetes/kubernetes.yml"))) {
            resources = Serialization.unmarshal(in);
        }
        PodSpec pod = resources.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst()
                .orElseThrow().getSpec().getTemplate().getSpec();
        container = pod.getContainers().get(0);
        Path dir = Files.createTempDirectory("auth-manifest");
        // The Secrets the README tells the operator to create, with the keys it documents.
        Map<String, String> env = ContainerEnvironment.of(resources, pod, container, Map.of(
                "cards-db", Map.of("QUARKUS_DATASOURCE_USERNAME", "cards", "QUARKUS_DATASOURCE_PASSWORD", "cards"),
                "auth-signing-key", Map.of("signing.pem", newSigningKey())), dir);

        // The one value that cannot be used as declared: the database host `postgres` is a
        // Kubernetes Service name. Only the JDBC URL is rewritten; everything else is as declared.
        String declaredUrl = env.get(JDBC_URL);
        assertTrue(declaredUrl.startsWith("jdbc:postgresql://postgres:"), declaredUrl);
        Path jar;
        List<String> jvmArgs;
        if (System.getProperty("quarkus.test.profile", "").contains("pg")) {
            jar = Path.of("target/quarkus-app/quarkus-run.jar");
            jvmArgs = List.of();
            env.put(JDBC_URL, declaredUrl.replaceFirst("^jdbc:postgresql://[^/]+/[^?]+", "jdbc:postgresql://127.0.0.1:5432/cards_auth_test"));
        } else {
            // Default suite: no PostgreSQL, so the embedded package on its own (%local) H2 URL.
            jar = Path.of("target/local-app/quarkus-run.jar");
            jvmArgs = List.of("-Dquarkus.profile=local");
            env.remove(JDBC_URL);
        }
        // No QUARKUS_HTTP_PORT: the service must listen on the declared containerPort by itself.
        container.getPorts().forEach(p -> PackagedService.requireFree(p.getContainerPort()));
        service = PackagedService.start(jar, jvmArgs, env, dir.resolve("auth-service.log"));
    }

    @AfterAll
    static void stop() {
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

    private static void assertAnswers(Probe probe) throws Exception {
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

    /** A fresh EC P-256 key as PKCS#8 PEM, the form `auth.signing-key.location` reads. */
    private static String newSigningKey() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC"); // the key type the service ships with (ES256)
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
