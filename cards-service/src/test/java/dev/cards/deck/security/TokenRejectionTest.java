package dev.cards.deck.security;

import dev.cards.testsupport.Challenges;
import static dev.cards.deck.support.Api.as;
import static dev.cards.deck.support.Api.wrong;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.cards.deck.support.ForgedTokens;
import dev.cards.deck.support.TestKey;
import dev.cards.deck.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * One test per way a token can be wrong; each token differs from a valid one in exactly that
 * one way, so each test shows that one check works. RFC 6750 §3 decides the challenge.
 */
@QuarkusTest
class TokenRejectionTest {

    private static final String INVALID = "Bearer error=\"invalid_token\", error_description=\"The access token is invalid\"";

    private final String user = TestTokens.newUser();

    private static void rejectedAsInvalid(ValidatableResponse response) {
        Challenges.bearerThenDpop(response.statusCode(401), INVALID)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("error", equalTo("invalid_token"))
                .body("detail", equalTo("The access token is invalid"));
    }

    private static ValidatableResponse list(String token) {
        return as(token).get("/cards").then();
    }

    @Test
    void validTokenIsAccepted() {
        list(TestTokens.accessToken(user)).statusCode(200);
    }

    @Test
    void noCredentialsAnswerAPlainBearerChallenge() {
        Challenges.bearerThenDpop(wrong().get("/cards").then().statusCode(401), "Bearer")
                .contentType("application/problem+json")
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void expiredTokenIsRejectedAsExpired() {
        Instant past = Instant.now().minusSeconds(600);
        String token = TestTokens.sign(TestTokens.claims(user).issuedAt(past.minusSeconds(300)).expiresAt(past),
                TestTokens.primaryKey());

        Challenges.bearerThenDpop(list(token).statusCode(401),
                        "Bearer error=\"invalid_token\", error_description=\"The access token expired\"")
                .contentType("application/problem+json")
                .body("error", equalTo("invalid_token"))
                .body("detail", equalTo("The access token expired"));
    }

    @Test
    void tamperedSignatureIsRejected() {
        rejectedAsInvalid(list(ForgedTokens.withTamperedSignature(TestTokens.accessToken(user))));
    }

    @Test
    void tamperedPayloadIsRejected() {
        rejectedAsInvalid(list(ForgedTokens.withTamperedPayload(TestTokens.accessToken(user), TestTokens.newUser())));
    }

    @Test
    void wrongIssuerIsRejected() {
        rejectedAsInvalid(list(TestTokens.sign(TestTokens.claims(user).issuer("someone-else"), TestTokens.primaryKey())));
    }

    @Test
    void wrongAudienceIsRejected() {
        rejectedAsInvalid(list(TestTokens.sign(TestTokens.claims(user).audience("other-service"), TestTokens.primaryKey())));
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() throws Exception {
        TestKey key = TestTokens.primaryKey();
        rejectedAsInvalid(list(ForgedTokens.unsigned(TestTokens.accessToken(user), key.kid())));
    }

    @Test
    void hs256SignedWithThePublicKeyIsRejected() throws Exception {
        TestKey key = TestTokens.primaryKey();
        rejectedAsInvalid(list(ForgedTokens.hmacWithPublicKey(TestTokens.accessToken(user), key)));
    }

    @Test
    void unknownKidIsRejected() {
        rejectedAsInvalid(list(TestTokens.sign(TestTokens.claims(user), TestKey.generate())));
    }

    @Test
    void somethingThatIsNotAJwtIsRejected() {
        rejectedAsInvalid(list("not-a-jwt"));
    }

    @Test
    void anotherSchemeGetsAPlainBearerChallenge() {
        Challenges.bearerThenDpop(wrong().header("Authorization", "Basic dXNlcjpwYXNzd29yZA==").get("/cards").then().statusCode(401),
                "Bearer").contentType("application/problem+json");
    }

    @Test
    void tokenWithoutTheUserGroupIsForbidden() {
        String token = TestTokens.sign(TestTokens.claims(user).remove("groups"), TestTokens.primaryKey());

        list(token).statusCode(403)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer error=\"insufficient_scope\""))
                .body("error", equalTo("insufficient_scope"));
    }

    @Test
    void tokenWithoutSubjectIsRejected() {
        rejectedAsInvalid(list(TestTokens.sign(TestTokens.claims(user).remove("sub"), TestTokens.primaryKey())));
    }
}
