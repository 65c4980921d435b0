package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cards.testsupport.LogCapture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Whatever goes wrong, no WARN or ERROR line names an email (nor a password or a token). */
@QuarkusTest
class NoEmailInWarningsTest {

    @Test
    void raceFailuresThrottlingAndReuseLogNoEmailPasswordOrToken() throws Exception {
        String email = Api.newEmail();
        String local = email.substring(0, email.indexOf('@'));
        try (LogCapture log = LogCapture.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> signups = new java.util.ArrayList<>();
                for (int i = 0; i < 6; i++) { // the same email at once: one 201, the rest lose the race
                    signups.add(pool.submit(() -> api().contentType(ContentType.JSON)
                            .body(Map.of("email", email, "password", Api.PASSWORD)).post("/auth/signup").statusCode()));
                }
                long created = 0;
                for (Future<Integer> s : signups) {
                    created += s.get() == 201 ? 1 : 0;
                }
                assertEquals(1, created);
            } finally {
                pool.shutdown();
            }
            for (int i = 0; i < 6; i++) {
                api().contentType(ContentType.JSON).body(Map.of("email", email, "password", "wrong password " + i))
                        .post("/auth/login");
            }
            String refresh = Api.newSession().path("refresh_token");
            Api.refreshed(refresh);
            Api.refresh(refresh).then().statusCode(401); // reuse: the session is revoked, and that is logged
            List<String> warnings = log.atOrAbove(Level.WARNING);
            for (String line : warnings) {
                assertTrue(!line.contains(local) && !line.contains("wrong password") && !line.contains(refresh)
                        && !line.contains(Api.PASSWORD), line);
            }
        }
    }
}
