package dev.cards.testsupport.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;

/** The manifest that a service's `package` generates, loaded with the Kubernetes model classes. */
public final class GeneratedManifest {

    private final List<HasMetadata> resources;

    private GeneratedManifest(List<HasMetadata> resources) {
        this.resources = resources;
    }

    /** The module's own manifest; failsafe runs in the module directory. */
    public static GeneratedManifest load() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("target/kubernetes/kubernetes.yml"))) {
            return new GeneratedManifest(Serialization.unmarshal(in));
        }
    }

    public List<HasMetadata> resources() {
        return resources;
    }

    /** The one resource of that kind; fails the test if there are none or several. */
    public <T> T one(Class<T> kind) {
        List<T> found = resources.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertEquals(1, found.size(), kind.getSimpleName());
        return found.get(0);
    }

    public PodSpec pod() {
        return one(Deployment.class).getSpec().getTemplate().getSpec();
    }

    public Container container() {
        return pod().getContainers().get(0);
    }

    /** The ConfigMap the container takes its environment from. */
    public ConfigMap configMap() {
        String name = container().getEnvFrom().stream().map(EnvFromSource::getConfigMapRef).filter(r -> r != null)
                .findFirst().orElseThrow().getName();
        return resources.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }
}
