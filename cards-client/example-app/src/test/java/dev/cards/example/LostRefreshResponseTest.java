package dev.cards.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cards.client.Sessions;
import dev.cards.client.cards.api.CardsApi;
import dev.cards.client.cards.model.CardRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The auth-service rotates the token but its answer is lost on the way: the client sends the same
 * refresh token once more, the reuse grace answers with the successor already issued, and the session
 * lives on (without the grace, the second presentation would be reuse and revoke it).
 */
@QuarkusTest
@QuarkusTestResource(value = LostRefreshResponseTest.AuthBehindADroppingProxy.class, restrictToAnnotatedClass = true)
class LostRefreshResponseTest {

    public static class AuthBehindADroppingProxy implements QuarkusTestResourceLifecycleManager {
        static ResponseDroppingProxy proxy;

        @Override
        public Map<String, String> start() {
            Map<String, String> direct = new PackagedServicesResource().start();
            try {
                proxy = new ResponseDroppingProxy(PackagedServicesResource.services.auth.url());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of("cards.client.auth-url", proxy.url().toString(),
                    "cards.client.cards-url", direct.get("cards.client.cards-url"));
        }

        @Override
        public void stop() {
            try {
                proxy.close();
            } catch (Exception ignored) {
                // the JVM ends
            }
        }
    }

    @Inject
    Sessions sessions;
    @Inject
    CardsApi cards;

    @Test
    void aLostRefreshResponseDoesNotEndTheSession() throws Exception {
        String email = "lost-" + UUID.randomUUID() + "@example.com";
        char[] password = "lost-password-123".toCharArray();
        sessions.signup(email, password);
        sessions.login(email, password);
        cards.createCard(new CardRequest().question("q").answer("a"));
        long millis = Duration.between(Instant.now(), sessions.current().orElseThrow().accessExpiresAt().plusMillis(200)).toMillis();
        Thread.sleep(Math.max(0, millis));

        AuthBehindADroppingProxy.proxy.dropNextRefreshResponse();
        assertEquals(1L, cards.listCards(0, 20).getTotal(), "the call that needed the refresh");
        assertEquals(1, AuthBehindADroppingProxy.proxy.dropped.get(), "one refresh answer was lost");
        assertEquals(1L, cards.listCards(0, 20).getTotal(), "the next call");
        assertEquals(1L, sessions.whoami() != null ? 1L : 0L);
    }
}
