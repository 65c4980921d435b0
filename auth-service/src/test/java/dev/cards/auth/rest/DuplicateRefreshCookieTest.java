package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.api;
import static dev.cards.auth.rest.Api.badRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.auth.persistence.RefreshSession;
import dev.cards.testsupport.LogCapture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * A sibling subdomain can set a second refresh_token cookie (Domain=, a longer Path) that the
 * browser sends along with ours, and the framework silently picked one of them: a request to
 * /auth/refresh or /auth/logout with more than one is refused with a 400 problem, and nothing
 * changes (no rotation, no revocation, no cookie cleared).
 */
@QuarkusTest
class DuplicateRefreshCookieTest {

    private static final String FOREIGN_TOKEN = "planted-by-a-sibling-subdomain";

    private UUID user;
    private String token;

    @BeforeEach
    void signIn() {
        String email = Api.newEmail();
        user = UUID.fromString(Api.signUp(email));
        token = Api.logIn(email).path("refresh_token");
    }

    /** From the web app, so the CSRF check passes and only the cookies can be wrong. */
    private static RequestSpecification fromWebApp() {
        return badRequest().header("Origin", Api.WEB_ORIGIN).header("X-Requested-With", "fetch").contentType(ContentType.JSON);
    }

    private static void refusedForTwoCookies(ValidatableResponse response) {
        response.statusCode(400).contentType("application/problem+json")
                .header("Set-Cookie", nullValue())
                .body("error", equalTo("invalid_request"))
                .body("detail", containsString("more than one refresh_token cookie"));
    }

    private void assertSessionUntouched() {
        RefreshSession session = QuarkusTransaction.requiringNew()
                .call(() -> RefreshSession.<RefreshSession>find("user.id", user).singleResult());
        assertNull(session.rotatedAt, "rotated");
        assertNull(session.revokedAt, "revoked");
    }

    @Test
    void refreshWithTwoRefreshCookiesInOneHeaderIsRefusedAndRotatesNothing() {
        try (LogCapture log = LogCapture.start()) {
            refusedForTwoCookies(fromWebApp().header("Cookie", "refresh_token=" + token + "; refresh_token=" + FOREIGN_TOKEN)
                    .post("/auth/refresh").then());
            List<String> leaks = log.atOrAbove(Level.ALL).stream()
                    .filter(line -> line.contains(token) || line.contains(FOREIGN_TOKEN)).toList();
            assertEquals(List.of(), leaks);
        }
        assertSessionUntouched();
    }

    @Test
    void refreshWithTwoCookieHeaderFieldsIsRefused() {
        refusedForTwoCookies(fromWebApp().header("Cookie", "refresh_token=" + FOREIGN_TOKEN).header("Cookie", "refresh_token=" + token)
                .post("/auth/refresh").then());
        assertSessionUntouched();
    }

    @Test
    void twoCopiesOfTheSameTokenAreRefusedToo() {
        refusedForTwoCookies(fromWebApp().header("Cookie", "refresh_token=" + token + "; refresh_token=" + token)
                .post("/auth/refresh").then());
        assertSessionUntouched();
    }

    @Test
    void twoRefreshCookiesAreRefusedEvenWithTheTokenInTheBody() {
        refusedForTwoCookies(badRequest().header("Cookie", "refresh_token=" + token + "; refresh_token=" + FOREIGN_TOKEN)
                .contentType(ContentType.JSON).body(Map.of("refresh_token", token)).post("/auth/refresh").then());
        assertSessionUntouched();
    }

    @Test
    void logoutWithTwoRefreshCookiesIsRefusedAndTheSessionLives() {
        refusedForTwoCookies(fromWebApp().header("Cookie", "refresh_token=" + FOREIGN_TOKEN + "; refresh_token=" + token)
                .post("/auth/logout").then());
        assertSessionUntouched();
        Api.refreshed(token);
    }

    @Test
    void oneRefreshCookieAmongOtherCookiesStillRefreshes() {
        api().header("Origin", Api.WEB_ORIGIN).header("X-Requested-With", "fetch").contentType(ContentType.JSON)
                .header("Cookie", "theme=dark; refresh_token_hint=x; refresh_token=" + token + "; lang=en")
                .post("/auth/refresh").then().statusCode(200);
    }
}
