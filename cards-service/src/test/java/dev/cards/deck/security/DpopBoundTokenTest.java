package dev.cards.deck.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestTokens;
import dev.cards.testsupport.DpopKey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * RFC 9449 §7 at the cards-service: a token bound to a key ({@code cnf.jkt}) is accepted only with
 * the DPoP scheme and a fresh proof by that key for this request, on every request, cached token or not.
 */
@QuarkusTest
class DpopBoundTokenTest {

    private static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    private static String boundToken(String user, DpopKey key) {
        return TestTokens.sign(TestTokens.claims(user).claim("cnf", Map.of("jkt", key.thumbprint())), TestTokens.primaryKey());
    }

    private static Response get(String authorization, String proof) {
        var request = RestAssured.given().header("Authorization", authorization);
        return (proof == null ? request : request.header("DPoP", proof)).get("/cards");
    }

    private static void assertProofRefused(Response response, String why) {
        response.then().statusCode(401).contentType("application/problem+json").body("error", equalTo("invalid_dpop_proof"))
                .body("detail", containsString(why));
        assertThat(response.headers().getValues("WWW-Authenticate"), hasItem(startsWith("DPoP error=\"invalid_dpop_proof\"")));
        assertThat(response.headers().getValues("WWW-Authenticate"), hasItem("Bearer"));
    }

    @Test
    void aBoundTokenWithAProofByItsKeyReadsAndWritesCards() {
        DpopKey key = DpopKey.generate();
        String token = boundToken(TestTokens.newUser(), key);
        RestAssured.given().header("Authorization", "DPoP " + token).header("DPoP", key.proof("POST", url("/cards"), token, null))
                .contentType(ContentType.JSON).body(Map.of("question", "q", "answer", "a")).post("/cards")
                .then().statusCode(201);
        // Each request its own proof, also when the token comes from the verified-token cache.
        for (int i = 0; i < 3; i++) {
            get("DPoP " + token, key.proof("GET", url("/cards"), token, null)).then().statusCode(200)
                    .body("items.size()", equalTo(1));
        }
    }

    @Test
    void aStolenBoundTokenIsWorthNothingWithoutTheKey() {
        DpopKey key = DpopKey.generate();
        String token = boundToken(TestTokens.newUser(), key);
        get("DPoP " + token, key.proof("GET", url("/cards"), token, null)).then().statusCode(200);

        Response asBearer = get("Bearer " + token, null);
        asBearer.then().statusCode(401).body("error", equalTo("invalid_token")).body("detail", containsString("bound to a DPoP key"));
        assertThat(asBearer.headers().getValues("WWW-Authenticate"), hasItem(startsWith("DPoP algs=\"ES256")));
        assertProofRefused(get("DPoP " + token, null), "proof is required");
        DpopKey thief = DpopKey.generate();
        assertProofRefused(get("DPoP " + token, thief.proof("GET", url("/cards"), token, null)), "thumbprint");
    }

    @Test
    void aReplayedProofIsRefusedEvenForTheCachedToken() {
        DpopKey key = DpopKey.generate();
        String token = boundToken(TestTokens.newUser(), key);
        String proof = key.proof("GET", url("/cards"), token, null);
        get("DPoP " + token, proof).then().statusCode(200);
        assertProofRefused(get("DPoP " + token, proof), "jti");
    }

    @Test
    void aProofForAnotherRequestOrTokenIsRefused() {
        DpopKey key = DpopKey.generate();
        String token = boundToken(TestTokens.newUser(), key);
        assertProofRefused(get("DPoP " + token, key.proof("POST", url("/cards"), token, null)), "htm");
        assertProofRefused(get("DPoP " + token, key.proof("GET", url("/cards/1"), token, null)), "htu");
        assertProofRefused(get("DPoP " + token, key.proof("GET", url("/cards"), "another.access.token", null)), "hash");
        assertProofRefused(get("DPoP " + token, key.proof("GET", url("/cards"), null)), "ath");
    }

    @Test
    void aProofOlderThanItsMaxAgeOrFromTooFarAheadIsRefused() {
        DpopKey key = DpopKey.generate();
        String token = boundToken(TestTokens.newUser(), key);
        long now = System.currentTimeMillis();
        get("DPoP " + token, key.proofIssuedAt("GET", url("/cards"), new Date(now - 55_000), token, null)).then().statusCode(200);
        assertProofRefused(get("DPoP " + token, key.proofIssuedAt("GET", url("/cards"), new Date(now - 65_000), token, null)),
                "");
        get("DPoP " + token, key.proofIssuedAt("GET", url("/cards"), new Date(now + 5_000), token, null)).then().statusCode(200);
        assertProofRefused(get("DPoP " + token, key.proofIssuedAt("GET", url("/cards"), new Date(now + 20_000), token, null)),
                "");
    }

    @Test
    void anUnboundTokenSentAsDpopIsRefusedAndAsBearerStillWorks() {
        String token = TestTokens.accessToken(TestTokens.newUser());
        get("DPoP " + token, DpopKey.generate().proof("GET", url("/cards"), token, null)).then().statusCode(401)
                .body("error", equalTo("invalid_token")).body("detail", containsString("not bound"));
        get("Bearer " + token, null).then().statusCode(200);
    }

    @Test
    void every401NamesBothSchemes() {
        Response anonymous = RestAssured.get("/cards");
        anonymous.then().statusCode(401);
        assertThat(anonymous.headers().getValues("WWW-Authenticate"), hasItem("Bearer"));
        assertThat(anonymous.headers().getValues("WWW-Authenticate"), hasItem(startsWith("DPoP algs=\"ES256")));
    }
}
