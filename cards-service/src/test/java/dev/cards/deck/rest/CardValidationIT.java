package dev.cards.deck.rest;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CardValidationTest}, against the packaged service: the native executable under {@code -Pnative,postgresql}. */
@QuarkusIntegrationTest
@Tag("packaged")
class CardValidationIT extends CardValidationTest {
}
