package dev.cards.auth.throttle;

import java.util.Map;

import dev.cards.auth.persistence.ThrottleEntry;
import dev.cards.auth.rest.FromAddress;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Shared steps of the throttling tests. */
final class Throttling {

    static final String WRONG = "wrong password";

    private Throttling() {
    }

    /** Every test starts from no counts at all. */
    static void forgetAllCounts() {
        QuarkusTransaction.requiringNew().run(() -> ThrottleEntry.deleteAll());
    }

    static Response login(String from, String email, String password) {
        return FromAddress.api(from).contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/auth/login");
    }

    static Response signup(String from, String email) {
        return FromAddress.api(from).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", dev.cards.auth.rest.Api.PASSWORD)).post("/auth/signup");
    }
}
