package dev.cards.deck.security;

import dev.cards.testsupport.Challenges;
import static dev.cards.deck.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Explicit typing (RFC 8725 §3.11, RFC 9068 §4): a JWT signed by the auth-service's key that is
 * right in every way but its `typ` header is no access token.
 */
@QuarkusTest
class AccessTokenTypeTest {

    private static final String INVALID = "Bearer error=\"invalid_token\", error_description=\"The access token is invalid\"";

    private final String user = TestTokens.newUser();

    private static void listWith(String token, int status) {
        as(token).get("/cards").then().statusCode(status);
    }

    @Test
    void atJwtIsAccepted() {
        listWith(TestTokens.signTyped(TestTokens.claims(user), TestTokens.primaryKey(), "at+jwt"), 200);
    }

    @Test
    void theMediaTypeSpellingIsAcceptedInAnyCase() {
        listWith(TestTokens.signTyped(TestTokens.claims(user), TestTokens.primaryKey(), "application/AT+JWT"), 200);
    }

    @Test
    void aPlainJwtIsRejected() {
        Challenges.bearerThenDpop(as(TestTokens.signTyped(TestTokens.claims(user), TestTokens.primaryKey(), "JWT")).get("/cards")
                .then().statusCode(401), INVALID)
                .contentType("application/problem+json")
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void anIdTokenTypeIsRejected() {
        listWith(TestTokens.signTyped(TestTokens.claims(user), TestTokens.primaryKey(), "id_token+jwt"), 401);
    }

    @Test
    void aTokenWithoutTypIsRejected() throws Exception {
        // The builder writes typ JWT by default; remove it by re-signing the same claims without one.
        String typed = TestTokens.signTyped(TestTokens.claims(user), TestTokens.primaryKey(), "at+jwt");
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload(new String(java.util.Base64.getUrlDecoder().decode(typed.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8));
        jws.setAlgorithmHeaderValue("ES256");
        jws.setKeyIdHeaderValue(TestTokens.primaryKey().kid());
        jws.setKey(TestTokens.primaryKey().privateKey());
        listWith(jws.getCompactSerialization(), 401);
    }
}
