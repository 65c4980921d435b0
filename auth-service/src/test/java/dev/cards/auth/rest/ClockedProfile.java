package dev.cards.auth.rest;

import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A test profile whose application runs on the {@link TestClock}. */
public abstract class ClockedProfile implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }
}
