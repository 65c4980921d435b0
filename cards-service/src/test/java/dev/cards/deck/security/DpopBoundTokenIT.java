package dev.cards.deck.security;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link DpopBoundTokenTest}, against the packaged service: the native executable under {@code -Pnative,postgresql}. */
@QuarkusIntegrationTest
@Tag("packaged")
class DpopBoundTokenIT extends DpopBoundTokenTest {
}
