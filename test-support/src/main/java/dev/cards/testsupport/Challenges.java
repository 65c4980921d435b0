package dev.cards.testsupport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.hamcrest.Matcher;

import io.restassured.response.ValidatableResponse;

/**
 * The challenges of a 401 from either service: the `Bearer` one first (RFC 6750 §3; a client that
 * reads only the first still finds it) and the `DPoP` one with the algorithms (RFC 9449 §7.1).
 * RestAssured's {@code header()} sees only the last field, hence this.
 */
public final class Challenges {

    private Challenges() {
    }

    /** Exactly two challenges: the Bearer one {@code bearer} matches, then `DPoP algs="..."`. */
    public static ValidatableResponse bearerThenDpop(ValidatableResponse response, Matcher<String> bearer) {
        List<String> values = response.extract().headers().getValues("WWW-Authenticate");
        assertThat(values, contains(bearer, startsWith("DPoP algs=\"")));
        return response;
    }

    public static ValidatableResponse bearerThenDpop(ValidatableResponse response, String bearer) {
        return bearerThenDpop(response, equalTo(bearer));
    }
}
