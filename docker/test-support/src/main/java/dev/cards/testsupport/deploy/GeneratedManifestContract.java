package dev.cards.testsupport.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * What both services' generated manifests must say alike: two replicas with bounded resources,
 * probes and metrics on the management port, one Service on the public port, the database
 * credentials from the `cards-db` Secret. A service's {@code KubernetesManifestIT} extends this
 * with its ports and adds what only it declares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GeneratedManifestContract {

    protected GeneratedManifest manifest;

    /** The port the service answers its API on, and the one the Service targets. */
    protected abstract int publicPort();

    /** The management interface: health, metrics, OpenAPI. */
    protected abstract int managementPort();

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

    @Test
    void databaseCredentialsComeFromTheCardsDbSecret() {
        assertTrue(manifest.container().getEnvFrom().stream().map(EnvFromSource::getSecretRef)
                .anyMatch(ref -> ref != null && ref.getName().equals("cards-db")));
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
