package dev.cards.auth.crypto;

import java.time.Duration;
import java.util.Map;

import dev.cards.auth.config.AuthConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** An {@link AuthConfig} built from the mapping's defaults plus the given keys, without Quarkus. */
public final class TestConfig {
    private TestConfig() {
    }

    public static AuthConfig with(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withMapping(AuthConfig.class)
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .addDefaultInterceptors()
                .withConverter(Duration.class, 100, new DurationConverter())
                .build()
                .getConfigMapping(AuthConfig.class);
    }
}
