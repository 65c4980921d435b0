package dev.cards.auth.crypto;

import java.time.Duration;
import java.util.Map;

import dev.cards.auth.config.AuthConfig;
import dev.cards.auth.config.OAuthConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Configuration mappings built from their defaults plus the given keys, without Quarkus. */
public final class TestConfig {
    private TestConfig() {
    }

    /** An {@link AuthConfig}. */
    public static AuthConfig with(Map<String, String> values) {
        return mapping(AuthConfig.class, values);
    }

    /** An {@link OAuthConfig}. */
    public static OAuthConfig oauth(Map<String, String> values) {
        return mapping(OAuthConfig.class, values);
    }

    private static <T> T mapping(Class<T> type, Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withMapping(type)
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .addDefaultInterceptors()
                .withConverter(Duration.class, 100, new DurationConverter())
                .build()
                .getConfigMapping(type);
    }
}
