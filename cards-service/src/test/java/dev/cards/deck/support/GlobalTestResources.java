package dev.cards.deck.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every @QuarkusTest runs against the test JWKS server. */
@WithTestResource(value = TestJwksServer.class, scope = TestResourceScope.GLOBAL)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
