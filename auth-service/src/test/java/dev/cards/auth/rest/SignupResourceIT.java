package dev.cards.auth.rest;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SignupResourceTest}, against the packaged service: the native executable under {@code -Pnative,postgresql}. */
@QuarkusIntegrationTest
@Tag("packaged")
class SignupResourceIT extends SignupResourceTest {
}
