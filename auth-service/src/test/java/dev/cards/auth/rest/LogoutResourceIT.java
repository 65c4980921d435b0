package dev.cards.auth.rest;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link LogoutResourceTest}, against the packaged service: the native executable under {@code -Pnative,postgresql}. */
@QuarkusIntegrationTest
@Tag("packaged")
class LogoutResourceIT extends LogoutResourceTest {
}
