package dev.cards.testsupport.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

/**
 * The environment the kubelet gives a container of a generated manifest. ConfigMaps come from the
 * same file; Secrets, which the operator creates, from the test (name → key → value). Secret
 * volumes are written as files under a local directory, and env values under a mount path are
 * moved there. Anything else the manifest might ask for fails loudly rather than being guessed.
 */
public final class ContainerEnvironment {

    /** What the fieldRef metadata.namespace resolves to after a plain `kubectl apply` (README). */
    public static final String NAMESPACE = "default";

    private ContainerEnvironment() {
    }

    public static Map<String, String> of(List<HasMetadata> resources, PodSpec pod, Container container,
            Map<String, Map<String, String>> secrets, Path volumes) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        // Kubernetes: among envFrom sources the last one wins; `env` entries win over all of them.
        for (EnvFromSource from : container.getEnvFrom()) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            Map<String, String> data = from.getConfigMapRef() != null
                    ? configMap(resources, from.getConfigMapRef().getName()).getData()
                    : secret(secrets, from.getSecretRef().getName());
            data.forEach((key, value) -> env.put(prefix + key, value));
        }
        for (EnvVar variable : container.getEnv()) {
            env.put(variable.getName(), value(variable));
        }
        for (VolumeMount mount : container.getVolumeMounts()) {
            Path dir = mountSecret(pod, mount, secrets, volumes);
            String mountPath = mount.getMountPath();
            env.replaceAll((name, value) -> value.equals(mountPath) || value.startsWith(mountPath + "/")
                    ? dir + value.substring(mountPath.length())
                    : value);
        }
        return env;
    }

    private static String value(EnvVar variable) {
        if (variable.getValueFrom() == null) {
            return variable.getValue() == null ? "" : variable.getValue();
        }
        var field = variable.getValueFrom().getFieldRef();
        if (field != null && field.getFieldPath().equals("metadata.namespace")) {
            return NAMESPACE;
        }
        throw new IllegalStateException("The test does not emulate " + variable.getName() + "'s valueFrom " + variable.getValueFrom());
    }

    /** The kubelet writes each key of the Secret as a file, with the volume's defaultMode. */
    private static Path mountSecret(PodSpec pod, VolumeMount mount, Map<String, Map<String, String>> secrets, Path volumes)
            throws IOException {
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No volume named " + mount.getName()));
        if (volume.getSecret() == null) {
            throw new IllegalStateException("The test emulates Secret volumes only, not " + volume);
        }
        Path dir = Files.createDirectories(volumes.resolve(volume.getName()));
        Integer mode = volume.getSecret().getDefaultMode();
        for (var file : secret(secrets, volume.getSecret().getSecretName()).entrySet()) {
            Path written = Files.writeString(dir.resolve(file.getKey()), file.getValue());
            if (mode != null) {
                Files.setPosixFilePermissions(written, permissions(mode));
            }
        }
        return dir;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE, i.e. 0400 … 0001
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    private static ConfigMap configMap(List<HasMetadata> resources, String name) {
        return resources.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("ConfigMap " + name + " is not in the generated manifest"));
    }

    private static Map<String, String> secret(Map<String, Map<String, String>> secrets, String name) {
        Map<String, String> secret = secrets.get(name);
        if (secret == null) {
            throw new IllegalStateException("The manifest needs Secret " + name + "; give the test its documented keys");
        }
        return secret;
    }
}
