package dev.cards.auth.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cards.testsupport.Management;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class MetricsTest {

    @Test
    void loginsAndRefreshesAreCountedByOutcome() {
        double failures = counter("auth_logins_total", "failure");
        double reuse = counter("auth_refreshes_total", "reuse_detected");
        double refreshed = counter("auth_refreshes_total", "success");
        Api.api().contentType(ContentType.JSON).body(Map.of("email", Api.newEmail(), "password", "wrong password"))
                .post("/auth/login").then().statusCode(401);
        String first = Api.newSession().path("refresh_token");
        Api.refreshed(first);
        Api.refresh(first).then().statusCode(401);
        assertTrue(counter("auth_logins_total", "failure") >= failures + 1);
        assertTrue(counter("auth_refreshes_total", "success") >= refreshed + 1);
        assertTrue(counter("auth_refreshes_total", "reuse_detected") >= reuse + 1);
    }

    /** Made-up paths must not become URI tags: 100 of them used to push real endpoints out. */
    @Test
    void onlyRouteTemplatesAreRecorded() {
        for (int i = 0; i < 5; i++) {
            given().get("/junk" + i + "/../q/health/live");
            given().get("/auth/junk" + i);
            given().header("X-Padding", "p".repeat(20_000)).get("/auth/junk-big" + i);
        }
        Api.newSession();
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        String uris = String.join(" ", Pattern.compile("uri=\"[^\"]*\"").matcher(metrics).results().map(r -> r.group()).toList());
        assertFalse(uris.contains("junk"), "a made-up path became a tag: " + uris);
        assertTrue(uris.contains("uri=\"/auth/login\""), "the login route is recorded: " + uris);
    }

    static double counter(String name, String outcome) {
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*outcome=\"" + outcome + "\"[^}]*\\} ([0-9.E+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
