package dev.cards.auth.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.cards.testsupport.deploy.GeneratedManifestContract;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The auth-service's generated manifests: the shared contract on 8081/9081 with its own database
 * Secret (auth-db), its signing key, its name.
 */
class KubernetesManifestIT extends GeneratedManifestContract {

    @Override
    protected int publicPort() {
        return 8081;
    }

    @Override
    protected int managementPort() {
        return 9081;
    }

    @Override
    protected String databaseSecret() {
        return "auth-db";
    }

    @Override
    protected String otherServicesDatabaseSecret() {
        return "cards-db";
    }

    @Override
    protected String database() {
        return "cards_auth";
    }

    @Test
    void theSigningKeyIsAFileFromASecret() {
        var volume = manifest.one(Deployment.class).getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getSecret() != null).findFirst().orElseThrow();
        assertEquals("auth-signing-key", volume.getSecret().getSecretName());
        Container container = manifest.container();
        String mountPath = container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName()))
                .findFirst().orElseThrow().getMountPath();
        String keyLocation = container.getEnv().stream().filter(e -> e.getName().equals("AUTH_SIGNING_KEY_LOCATION"))
                .findFirst().orElseThrow().getValue();
        assertTrue(keyLocation.startsWith(mountPath + "/"), keyLocation);
    }

    @Test
    void theConfigMapNamesTheIssuer() {
        assertNotNull(manifest.configMap().getData().get("AUTH_ISSUER"));
    }

    @Test
    void theServiceIsNamedForTheCardsServiceToFindTheJwks() {
        Service service = manifest.one(Service.class);
        assertEquals("auth-service", service.getMetadata().getName());
        assertEquals(8081, service.getSpec().getPorts().get(0).getTargetPort().getIntVal());
    }
}
