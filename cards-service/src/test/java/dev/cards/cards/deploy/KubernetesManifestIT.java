package dev.cards.cards.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
    void deploymentRunsTwoReplicasWithBoundedResourcesAndProbes() {
        Deployment deployment = one(Deployment.class);
        assertEquals(2, deployment.getSpec().getReplicas());
        Container c = container();
        assertNotNull(c.getResources().getLimits().get("memory"));
        assertNotNull(c.getResources().getRequests().get("cpu"));
        assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath());
        assertEquals(9082, c.getReadinessProbe().getHttpGet().getPort().getIntVal());
        assertEquals(9082, c.getLivenessProbe().getHttpGet().getPort().getIntVal());
    }

    @Test
    void theJwksIsFoundThroughTheAuthServiceName() {
        ConfigMap config = configMap();
        assertEquals("http://auth-service/.well-known/jwks.json", config.getData().get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertTrue(config.getData().get("QUARKUS_DATASOURCE_JDBC_URL").startsWith("jdbc:postgresql://"));
    }

    @Test
    void databaseCredentialsComeFromASecret() {
        assertTrue(container().getEnvFrom().stream().map(EnvFromSource::getSecretRef)
                .anyMatch(ref -> ref != null && ref.getName().equals("cards-db")));
    }

    private static ConfigMap configMap() {
        String name = container().getEnvFrom().stream().map(EnvFromSource::getConfigMapRef).filter(r -> r != null)
                .findFirst().orElseThrow().getName();
        return resources.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals(name)).findFirst().orElseThrow();
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
        assertEquals("9082", annotations.get("prometheus.io/port"));
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
        var service = resources.stream().filter(io.fabric8.kubernetes.api.model.Service.class::isInstance)
                .map(io.fabric8.kubernetes.api.model.Service.class::cast).findFirst().orElseThrow();
        assertEquals(1, service.getSpec().getPorts().size());
        assertEquals(8082, service.getSpec().getPorts().get(0).getTargetPort().getIntVal());
    }
}
