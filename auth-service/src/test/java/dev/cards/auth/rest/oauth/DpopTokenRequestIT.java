package dev.cards.auth.rest.oauth;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link DpopTokenRequestTest}, against the packaged service: the native executable under {@code -Pnative,postgresql}. */
@QuarkusIntegrationTest
@Tag("packaged")
class DpopTokenRequestIT extends DpopTokenRequestTest {
}
