package dev.cards.deck.realauth;

import static dev.cards.deck.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestKey;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Issue 24 end to end with the packaged auth-service: an account deleted while this service does
 * not read the deleted accounts (its feed paused: down, as far as deletions go) keeps its cards only
 * until the feed runs again; then no card of it is left, and the auth-service forgets the deletion.
 */
@QuarkusTest
@TestProfile(DeletedAccountCardsTest.Feed.class)
class DeletedAccountCardsTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String SECRET = "cards-service-local-secret";

    /** The real JWKS and the deleted-accounts feed, both at the auth-service's port, read every second. */
    public static class Feed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String base = "http://127.0.0.1:" + RealAuthServiceTest.port();
            return Map.of("mp.jwt.verify.publickey.location", base + "/.well-known/jwks.json",
                    "cards.account-deletions.auth-url", base,
                    "cards.account-deletions.client-secret", SECRET,
                    "cards.account-deletions.interval", "1S");
        }
    }

    @Inject
    Scheduler scheduler;

    private Path keys;
    private AuthServiceProcess auth;

    @AfterEach
    void stopAuthService() throws Exception {
        scheduler.resume("account-deletions");
        if (auth != null) {
            auth.close();
        }
        if (keys != null) {
            try (var files = Files.list(keys)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(keys);
        }
    }

    @Test
    void theCardsOfAnAccountDeletedWhileTheFeedWasDownAreGoneOnceItRunsAgain() throws Exception {
        keys = Files.createTempDirectory("cards-deletion");
        auth = AuthServiceProcess.start(RealAuthServiceTest.port(), PemFiles.privateKey(TestKey.generate(), keys));
        String token = auth.signUpAndLogIn("gone-" + UUID.randomUUID() + "@example.com", PASSWORD);
        String keeper = auth.signUpAndLogIn("stays-" + UUID.randomUUID() + "@example.com", PASSWORD);
        for (String owner : new String[] {token, token, keeper}) {
            as(owner).contentType(ContentType.JSON).body(Map.of("question", "q", "answer", "a")).post("/cards")
                    .then().statusCode(201);
        }
        String userId = subjectOf(token);

        scheduler.pause("account-deletions");
        auth.deleteAccount(token, PASSWORD);
        Thread.sleep(2_500);
        // Down: nothing was deleted, and the auth-service keeps the deletion for later.
        as(token).get("/cards").then().statusCode(200).body("items.size()", equalTo(2));
        assertTrue(auth.pendingDeletions(SECRET).contains(userId));

        scheduler.resume("account-deletions");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (as(token).get("/cards").then().statusCode(200).extract().jsonPath().getList("items").size() > 0) {
            assertTrue(Instant.now().isBefore(deadline), "the cards of the deleted account are still there");
            Thread.sleep(200);
        }
        while (auth.pendingDeletions(SECRET).contains(userId)) {
            assertTrue(Instant.now().isBefore(deadline), "the deletion was never acknowledged");
            Thread.sleep(200);
        }
        assertFalse(auth.pendingDeletions(SECRET).contains(userId));
        as(keeper).get("/cards").then().statusCode(200).body("items.size()", equalTo(1));
    }

    private static String subjectOf(String jwt) throws IOException {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).get("sub").asText();
    }
}
