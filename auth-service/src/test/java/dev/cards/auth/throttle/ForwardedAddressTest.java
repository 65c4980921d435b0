package dev.cards.auth.throttle;

import static dev.cards.auth.rest.Api.newEmail;
import static dev.cards.auth.throttle.Throttling.WRONG;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.auth.rest.FromAddress;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * X-Forwarded-For names the client only when a trusted proxy (auth.client-address.trusted-proxies)
 * connected, and then it is read from the right: a proxy that appends (nginx's
 * {@code $proxy_add_x_forwarded_for}) keeps what the client wrote on the left.
 */
@QuarkusTest
@TestProfile(ThrottleProfile.class)
class ForwardedAddressTest {

    @BeforeEach
    void noCounts() {
        Throttling.forgetAllCounts();
    }

    @Test
    void behindTheTrustedProxyEachForwardedClientIsThrottledOnItsOwn() {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            login(ThrottleProfile.TRUSTED_PROXY, email, "203.0.113.7").then().statusCode(401);
        }
        login(ThrottleProfile.TRUSTED_PROXY, email, "203.0.113.7").then().statusCode(429);
        login(ThrottleProfile.TRUSTED_PROXY, email, "203.0.113.8").then().statusCode(401);
    }

    @Test
    void xForwardedForFromAnUntrustedClientIsIgnored() {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            login("127.0.0.2", email, "203.0.113." + i).then().statusCode(401);
        }
        login("127.0.0.2", email, "203.0.113.99").then().statusCode(429);
    }

    @Test
    void behindAnAppendingProxyWhatTheClientWroteIsIgnored() {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            login(ThrottleProfile.TRUSTED_PROXY, email, "198.51.100." + i + ", 203.0.113.7").then().statusCode(401);
        }
        login(ThrottleProfile.TRUSTED_PROXY, email, "198.51.100.99, 203.0.113.7").then().statusCode(429);
    }

    @Test
    void severalHeaderLinesAreOneListReadFromTheRight() {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            login(ThrottleProfile.TRUSTED_PROXY, email, "198.51.100." + i, "203.0.113.9").then().statusCode(401);
        }
        login(ThrottleProfile.TRUSTED_PROXY, email, "198.51.100.99", "203.0.113.9").then().statusCode(429);
    }

    @Test
    void portsBracketsAndSpacesDoNotMakeANewClient() {
        String email = newEmail();
        List<String> spellings = List.of("203.0.113.10", " 203.0.113.10:4711 ", "198.51.100.1,203.0.113.10:80",
                "[2001:db8:a:b::1]:443", "2001:db8:a:b::2");
        for (String spelling : spellings.subList(0, 3)) {
            login(ThrottleProfile.TRUSTED_PROXY, email, spelling).then().statusCode(401);
        }
        login(ThrottleProfile.TRUSTED_PROXY, email, "203.0.113.10").then().statusCode(401);
        login(ThrottleProfile.TRUSTED_PROXY, email, "203.0.113.10:1").then().statusCode(401);
        login(ThrottleProfile.TRUSTED_PROXY, email, "203.0.113.10").then().statusCode(429);
        // IPv6 counts per /64, with or without brackets and port
        String other = newEmail();
        for (int i = 0; i < 5; i++) {
            login(ThrottleProfile.TRUSTED_PROXY, other, spellings.get(3 + i % 2)).then().statusCode(401);
        }
        login(ThrottleProfile.TRUSTED_PROXY, other, "2001:db8:a:b::3").then().statusCode(429);
    }

    @Test
    void garbageInTheHeaderIsNeverA500NorANewClient() {
        String email = newEmail();
        List<String> garbage = List.of("not-an-address, 203.0.113.11", "[::1, 203.0.113.11", "1.2.3.4:99999, 203.0.113.11",
                "unknown, 203.0.113.11", ", ,203.0.113.11, ");
        for (String header : garbage) {
            login(ThrottleProfile.TRUSTED_PROXY, email, header).then().statusCode(401);
        }
        login(ThrottleProfile.TRUSTED_PROXY, email, "203.0.113.11").then().statusCode(429);
        for (String header : List.of("", "garbage", "[", "]:80", "::ffff:not", "\"203.0.113.12\"", "203.0.113.12:port",
                "999.1.1.1", "[2001:db8::1]x", "%00")) {
            login(ThrottleProfile.TRUSTED_PROXY, newEmail(), header).then().statusCode(401);
        }
    }

    @Test
    void theForwardedHeaderDoesNotNameTheClient() {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            from(ThrottleProfile.TRUSTED_PROXY).header("Forwarded", "for=198.51.100." + i)
                    .header("X-Forwarded-For", "203.0.113.13").body(body(email)).post("/auth/login").then().statusCode(401);
        }
        from(ThrottleProfile.TRUSTED_PROXY).header("Forwarded", "for=198.51.100.99")
                .header("X-Forwarded-For", "203.0.113.13").body(body(email)).post("/auth/login").then().statusCode(429);
        String other = newEmail();
        for (int i = 0; i < 5; i++) {
            from("127.0.0.2").header("Forwarded", "for=198.51.100." + i).body(body(other)).post("/auth/login").then().statusCode(401);
        }
        from("127.0.0.2").header("Forwarded", "for=198.51.100.99").body(body(other)).post("/auth/login").then().statusCode(429);
    }

    /** A login from {@code from} with one X-Forwarded-For header line per {@code lines}. */
    static Response login(String from, String email, String... lines) {
        RequestSpecification request = from(from);
        for (String line : lines) {
            request = request.header("X-Forwarded-For", line);
        }
        return request.body(body(email)).post("/auth/login");
    }

    private static RequestSpecification from(String address) {
        return FromAddress.api(address).contentType(ContentType.JSON);
    }

    private static Map<String, String> body(String email) {
        return Map.of("email", email, "password", WRONG);
    }
}
