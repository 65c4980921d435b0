package dev.cards.testsupport.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * What both services' generated manifests must say alike: two replicas with bounded resources,
 * probes and metrics on the management port, one Service on the public port, the database
 * credentials from the service's own Secret and never from the other service's (each database has
 * its own role: the cards-service's credentials must not open the auth-service's refresh sessions).
 * A service's {@code KubernetesManifestIT} extends this with its ports, Secrets and database, and
 * adds what only it declares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GeneratedManifestContract {

    protected GeneratedManifest manifest;

    /** The port the service answers its API on, and the one the Service targets. */
    protected abstract int publicPort();

    /** The management interface: health, metrics, OpenAPI. */
    protected abstract int managementPort();

    /** The Secret with this service's database role and password (README, "Deploying"). */
    protected abstract String databaseSecret();

    /** The other service's database Secret, which this Deployment must never name. */
    protected abstract String otherServicesDatabaseSecret();

    /** This service's database, the one its role owns. */
    protected abstract String database();

    private static final String USERNAME = "QUARKUS_DATASOURCE_USERNAME";
    private static final String PASSWORD = "QUARKUS_DATASOURCE_PASSWORD";

    @BeforeAll
    void load() throws Exception {
        manifest = GeneratedManifest.load();
    }

    @Test
    void deploymentRunsTwoReplicasWithBoundedResources() {
        assertEquals(2, manifest.one(Deployment.class).getSpec().getReplicas());
        Map<String, Quantity> requests = manifest.container().getResources().getRequests();
        Map<String, Quantity> limits = manifest.container().getResources().getLimits();
        assertNotNull(requests.get("cpu"));
        assertNotNull(requests.get("memory"));
        assertNotNull(limits.get("cpu"));
        assertNotNull(limits.get("memory"));
    }

    @Test
    void probesUseTheHealthEndpointsOnTheManagementPort() {
        Container container = manifest.container();
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/started", container.getStartupProbe().getHttpGet().getPath());
        assertEquals(managementPort(), container.getReadinessProbe().getHttpGet().getPort().getIntVal());
        assertEquals(managementPort(), container.getLivenessProbe().getHttpGet().getPort().getIntVal());
        assertEquals(Set.of(publicPort(), managementPort()),
                container.getPorts().stream().map(p -> p.getContainerPort()).collect(Collectors.toSet()));
    }

    /**
     * The container's environment as the kubelet builds it, with marked values in both services'
     * Secrets: the role and password it ends up with are those of its own Secret, whatever else
     * (ConfigMap, env) says.
     */
    @Test
    void databaseCredentialsAreTheServicesOwn() throws Exception {
        Map<String, Map<String, String>> secrets = new HashMap<>();
        secretNames().forEach(name -> secrets.put(name, Map.of("unused", "")));
        secrets.put(databaseSecret(), Map.of(USERNAME, "own-role", PASSWORD, "own-password"));
        secrets.put(otherServicesDatabaseSecret(), Map.of(USERNAME, "other-role", PASSWORD, "other-password"));
        Map<String, String> env = ContainerEnvironment.of(manifest.resources(), manifest.pod(), manifest.container(),
                secrets, Files.createTempDirectory("secrets"));
        assertEquals("own-role", env.get(USERNAME));
        assertEquals("own-password", env.get(PASSWORD));
    }

    @Test
    void theOtherServicesDatabaseSecretIsNotNamed() {
        assertTrue(secretNames().contains(databaseSecret()), () -> "names " + secretNames());
        assertFalse(secretNames().contains(otherServicesDatabaseSecret()), () -> "names " + secretNames());
    }

    /** A ConfigMap is no place for credentials, and its JDBC URL names this service's database. */
    @Test
    void theConfigMapNamesItsOwnDatabaseAndNoCredentials() {
        Map<String, String> data = manifest.configMap().getData();
        assertTrue(data.get("QUARKUS_DATASOURCE_JDBC_URL").matches("jdbc:postgresql://[^/]+/" + database() + "(\\?.*)?"),
                data.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertFalse(data.containsKey(USERNAME) || data.containsKey(PASSWORD), () -> data.keySet().toString());
    }

    /** Every Secret the pod names: env from Secrets, single keys of Secrets, Secret volumes. */
    private Set<String> secretNames() {
        Container container = manifest.container();
        Stream<String> envFrom = container.getEnvFrom().stream().map(EnvFromSource::getSecretRef).filter(Objects::nonNull)
                .map(ref -> ref.getName());
        Stream<String> env = container.getEnv().stream().map(EnvVar::getValueFrom).filter(Objects::nonNull)
                .map(from -> from.getSecretKeyRef()).filter(Objects::nonNull).map(ref -> ref.getName());
        Stream<String> volumes = manifest.pod().getVolumes().stream().map(v -> v.getSecret()).filter(Objects::nonNull)
                .map(secret -> secret.getSecretName());
        return Stream.of(envFrom, env, volumes).flatMap(s -> s).collect(Collectors.toSet());
    }

    @Test
    void theDatabaseIsPostgresqlFromTheConfigMapThatShipsWithIt() {
        assertTrue(manifest.configMap().getData().get("QUARKUS_DATASOURCE_JDBC_URL").startsWith("jdbc:postgresql://"));
    }

    /** Prometheus scrapes the management port; the Service exposes only the public one. */
    @Test
    void metricsAreScrapedOnTheManagementPortAndTheServiceExposesOnlyThePublicPort() {
        var annotations = manifest.one(Deployment.class).getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals(String.valueOf(managementPort()), annotations.get("prometheus.io/port"));
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
        Service service = manifest.one(Service.class);
        assertEquals(1, service.getSpec().getPorts().size());
        assertEquals(publicPort(), service.getSpec().getPorts().get(0).getTargetPort().getIntVal());
    }
}
