package dev.cards.auth.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;

/** The manifests that `package` generates, loaded with the Kubernetes model classes. */
class KubernetesManifestIT {

    private static List<HasMetadata> resources;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("target/kubernetes/kubernetes.yml"))) {
            resources = Serialization.unmarshal(in);
        }
    }

    @Test
    void deploymentRunsTwoReplicasWithBoundedResources() {
        Deployment deployment = one(Deployment.class);
        assertEquals(2, deployment.getSpec().getReplicas());
        Container container = container();
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertNotNull(requests.get("cpu"));
        assertNotNull(requests.get("memory"));
        assertNotNull(limits.get("cpu"));
        assertNotNull(limits.get("memory"));
    }

    @Test
    void probesUseTheHealthEndpointsOnTheManagementPort() {
        Container container = container();
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/started", container.getStartupProbe().getHttpGet().getPath());
        assertEquals(9081, container.getReadinessProbe().getHttpGet().getPort().getIntVal());
        assertEquals(9081, container.getLivenessProbe().getHttpGet().getPort().getIntVal());
        assertEquals(java.util.Set.of(8081, 9081),
                container.getPorts().stream().map(p -> p.getContainerPort()).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void signingKeyAndDatabaseCredentialsComeFromSecrets() {
        Deployment deployment = one(Deployment.class);
        var volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getSecret() != null).findFirst().orElseThrow();
        assertEquals("auth-signing-key", volume.getSecret().getSecretName());
        Container container = container();
        String mountPath = container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName()))
                .findFirst().orElseThrow().getMountPath();
        String keyLocation = container.getEnv().stream().filter(e -> e.getName().equals("AUTH_SIGNING_KEY_LOCATION"))
                .findFirst().orElseThrow().getValue();
        assertTrue(keyLocation.startsWith(mountPath + "/"), keyLocation);
        assertTrue(container.getEnvFrom().stream().map(EnvFromSource::getSecretRef)
                .anyMatch(ref -> ref != null && ref.getName().equals("cards-db")));
    }

    @Test
    void everythingElseComesFromTheConfigMapThatShipsWithIt() {
        String name = container().getEnvFrom().stream().map(EnvFromSource::getConfigMapRef)
                .filter(ref -> ref != null).findFirst().orElseThrow().getName();
        ConfigMap configMap = resources.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals(name)).findFirst().orElseThrow();
        assertTrue(configMap.getData().get("QUARKUS_DATASOURCE_JDBC_URL").startsWith("jdbc:postgresql://"));
        assertNotNull(configMap.getData().get("AUTH_ISSUER"));
    }

    @Test
    void theServiceIsNamedForTheCardsServiceToFindTheJwks() {
        Service service = one(Service.class);
        assertEquals("auth-service", service.getMetadata().getName());
        assertEquals(8081, service.getSpec().getPorts().get(0).getTargetPort().getIntVal());
    }

    private static Container container() {
        return one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static <T> T one(Class<T> kind) {
        List<T> found = resources.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertEquals(1, found.size(), kind.getSimpleName());
        return found.get(0);
    }

    /** Prometheus scrapes the management port; the Service exposes only the public one. */
    @Test
    void metricsAreScrapedOnTheManagementPortAndTheServiceExposesOnlyThePublicPort() {
        var annotations = resources.stream().filter(io.fabric8.kubernetes.api.model.apps.Deployment.class::isInstance)
                .map(io.fabric8.kubernetes.api.model.apps.Deployment.class::cast).findFirst().orElseThrow()
                .getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals("9081", annotations.get("prometheus.io/port"));
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
        var service = resources.stream().filter(io.fabric8.kubernetes.api.model.Service.class::isInstance)
                .map(io.fabric8.kubernetes.api.model.Service.class::cast).findFirst().orElseThrow();
        assertEquals(1, service.getSpec().getPorts().size());
        assertEquals(8081, service.getSpec().getPorts().get(0).getTargetPort().getIntVal());
    }
}
