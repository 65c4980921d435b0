package dev.cards.auth.rest.oauth;

import static dev.cards.auth.rest.oauth.OAuth.CONFIDENTIAL_CLIENT;
import static dev.cards.auth.rest.oauth.OAuth.CONFIDENTIAL_SECRET;
import static dev.cards.auth.rest.oauth.OAuth.PASSWORD;
import static dev.cards.auth.rest.oauth.OAuth.PUBLIC_CLIENT;
import static dev.cards.auth.rest.oauth.OAuth.assertError;
import static dev.cards.auth.rest.oauth.OAuth.form;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Date;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import dev.cards.testsupport.DpopKey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** RFC 9449 §5, §8 at the token endpoint: proofs, the nonce round, bound tokens, client policies. */
@QuarkusTest
class DpopTokenRequestTest {

    private static final String TOKEN = "/oauth2/token";

    static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    /** The server's current nonce, as a client learns it: from the first refusal. */
    static String nonce() {
        return form().header("DPoP", DpopKey.generate().proof("POST", url(TOKEN), null))
                .formParam("grant_type", "refresh_token").formParam("client_id", PUBLIC_CLIENT).formParam("refresh_token", "x")
                .post(TOKEN).then().statusCode(400).extract().header("DPoP-Nonce");
    }

    private static Response passwordGrant(String client, String email, String proof) {
        RequestSpecification request = form().formParam("grant_type", "password").formParam("client_id", client)
                .formParam("username", email).formParam("password", PASSWORD);
        return (proof == null ? request : request.header("DPoP", proof)).post(TOKEN);
    }

    private static Response refreshGrant(String client, String refreshToken, String proof) {
        RequestSpecification request = form().formParam("grant_type", "refresh_token").formParam("client_id", client)
                .formParam("refresh_token", refreshToken);
        return (proof == null ? request : request.header("DPoP", proof)).post(TOKEN);
    }

    private static JwtClaims claimsOf(String jwt) throws Exception {
        return new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build().processToClaims(jwt);
    }

    private static String jktOf(String accessToken) throws Exception {
        Object cnf = claimsOf(accessToken).getClaimValue("cnf");
        return cnf == null ? null : (String) ((Map<?, ?>) cnf).get("jkt");
    }

    @Test
    void theMetadataNamesTheProofAlgorithms() {
        RestAssured.get("/.well-known/oauth-authorization-server").then().statusCode(200)
                .body("dpop_signing_alg_values_supported", hasItems("ES256", "ES384", "PS256", "RS256"));
    }

    @Test
    void aProofWithoutANonceGetsUseDpopNonceAndTheRetryWithItGetsTokensBoundToTheKey() throws Exception {
        String email = OAuth.newUser();
        DpopKey key = DpopKey.generate();
        Response first = passwordGrant(PUBLIC_CLIENT, email, key.proof("POST", url(TOKEN), null));
        assertError(first, 400, "use_dpop_nonce").header("DPoP-Nonce", not(emptyOrNullString()));
        String nonce = first.header("DPoP-Nonce");

        Response second = passwordGrant(PUBLIC_CLIENT, email, key.proof("POST", url(TOKEN), nonce));
        second.then().statusCode(200).body("token_type", equalTo("DPoP")).header("DPoP-Nonce", not(emptyOrNullString()));
        assertEquals(key.thumbprint(), jktOf(second.path("access_token")));
    }

    @Test
    void aBoundRefreshTokenIsWorthNothingWithoutItsKeyAndTheRefusalsDoNotSpendIt() throws Exception {
        DpopKey key = DpopKey.generate();
        String refresh = passwordGrant(PUBLIC_CLIENT, OAuth.newUser(), key.proof("POST", url(TOKEN), nonce()))
                .then().statusCode(200).extract().path("refresh_token");

        assertError(refreshGrant(PUBLIC_CLIENT, refresh, null), 400, "invalid_grant")
                .body("error_description", containsString("bound to a DPoP key"));
        DpopKey thief = DpopKey.generate();
        assertError(refreshGrant(PUBLIC_CLIENT, refresh, thief.proof("POST", url(TOKEN), nonce())), 400, "invalid_grant")
                .body("error_description", containsString("another DPoP key"));

        Response refreshed = refreshGrant(PUBLIC_CLIENT, refresh, key.proof("POST", url(TOKEN), nonce()));
        refreshed.then().statusCode(200).body("token_type", equalTo("DPoP"));
        assertEquals(key.thumbprint(), jktOf(refreshed.path("access_token")));
    }

    @Test
    void aProofIsAcceptedOnce() {
        String email = OAuth.newUser();
        String proof = DpopKey.generate().proof("POST", url(TOKEN), nonce());
        passwordGrant(PUBLIC_CLIENT, email, proof).then().statusCode(200);
        assertError(passwordGrant(PUBLIC_CLIENT, email, proof), 400, "invalid_dpop_proof");
    }

    @Test
    void aProofForAnotherUrlOrMethodIsRefused() {
        String email = OAuth.newUser();
        DpopKey key = DpopKey.generate();
        String nonce = nonce();
        assertError(passwordGrant(PUBLIC_CLIENT, email, key.proof("POST", url("/oauth2/revoke"), nonce)), 400,
                "invalid_dpop_proof").body("error_description", containsString("htu"));
        assertError(passwordGrant(PUBLIC_CLIENT, email, key.proof("GET", url(TOKEN), nonce)), 400, "invalid_dpop_proof")
                .body("error_description", containsString("htm"));
        assertError(passwordGrant(PUBLIC_CLIENT, email, key.proof("POST", "http://elsewhere.example" + TOKEN, nonce)), 400,
                "invalid_dpop_proof");
    }

    @Test
    void aProofCarryingItsPrivateKeyIsRefused() {
        assertError(passwordGrant(PUBLIC_CLIENT, OAuth.newUser(),
                DpopKey.generate().proofWithPrivateJwk("POST", url(TOKEN), nonce())), 400, "invalid_dpop_proof");
    }

    @Test
    void twoProofsInOneRequestAreRefused() {
        DpopKey key = DpopKey.generate();
        String nonce = nonce();
        Response response = form().formParam("grant_type", "password").formParam("client_id", PUBLIC_CLIENT)
                .formParam("username", OAuth.newUser()).formParam("password", PASSWORD)
                .header("DPoP", key.proof("POST", url(TOKEN), nonce)).header("DPoP", key.proof("POST", url(TOKEN), nonce))
                .post(TOKEN);
        assertError(response, 400, "invalid_dpop_proof");
    }

    @Test
    void aProofIsAcceptedUpToItsMaxAgeAndNotPastIt() {
        String email = OAuth.newUser();
        DpopKey key = DpopKey.generate();
        long now = System.currentTimeMillis();
        // proof-max-age is 60 s: 55 s old passes, 65 s old does not.
        passwordGrant(PUBLIC_CLIENT, email, key.proofIssuedAt("POST", url(TOKEN), new Date(now - 55_000), null, nonce()))
                .then().statusCode(200);
        assertError(passwordGrant(PUBLIC_CLIENT, email,
                key.proofIssuedAt("POST", url(TOKEN), new Date(now - 65_000), null, nonce())), 400, "invalid_dpop_proof");
    }

    @Test
    void aProofFromTheFutureIsAcceptedWithinTheSkewOnly() {
        String email = OAuth.newUser();
        DpopKey key = DpopKey.generate();
        long now = System.currentTimeMillis();
        // clock-skew is 10 s.
        passwordGrant(PUBLIC_CLIENT, email, key.proofIssuedAt("POST", url(TOKEN), new Date(now + 5_000), null, nonce()))
                .then().statusCode(200);
        assertError(passwordGrant(PUBLIC_CLIENT, email,
                key.proofIssuedAt("POST", url(TOKEN), new Date(now + 20_000), null, nonce())), 400, "invalid_dpop_proof");
    }

    @Test
    void aForgedNonceIsAnsweredWithUseDpopNonce() {
        assertError(passwordGrant(PUBLIC_CLIENT, OAuth.newUser(),
                DpopKey.generate().proof("POST", url(TOKEN), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")), 400, "use_dpop_nonce");
    }

    @Test
    void aClientThatRequiresDpopGetsNoTokensWithoutAProof() {
        String email = OAuth.newUser();
        assertError(passwordGrant("test-dpop-required", email, null), 400, "invalid_dpop_proof");
        passwordGrant("test-dpop-required", email, DpopKey.generate().proof("POST", url(TOKEN), nonce()))
                .then().statusCode(200).body("token_type", equalTo("DPoP"));
    }

    @Test
    void aClientWithDpopOffGetsBearerTokensWhateverItSends() throws Exception {
        Response response = passwordGrant("test-dpop-off", OAuth.newUser(), DpopKey.generate().proof("POST", url(TOKEN), null));
        response.then().statusCode(200).body("token_type", equalTo("Bearer"));
        assertNull(jktOf(response.path("access_token")));
    }

    @Test
    void withoutAProofTokensStayBearerTokens() throws Exception {
        Response response = passwordGrant(PUBLIC_CLIENT, OAuth.newUser(), null);
        response.then().statusCode(200).body("token_type", equalTo("Bearer"));
        assertNull(jktOf(response.path("access_token")));
    }

    @Test
    void aConfidentialClientsRefreshTokenIsBoundByItsSecretNotTheKey() throws Exception {
        DpopKey key = DpopKey.generate();
        Response login = form().auth().preemptive().basic(CONFIDENTIAL_CLIENT, CONFIDENTIAL_SECRET)
                .formParam("grant_type", "password").formParam("username", OAuth.newUser()).formParam("password", PASSWORD)
                .header("DPoP", key.proof("POST", url(TOKEN), nonce())).post(TOKEN);
        login.then().statusCode(200).body("token_type", equalTo("DPoP"));
        assertNotNull(jktOf(login.path("access_token")));
        // RFC 9449 §5: the refresh token of a confidential client is bound to its authentication.
        form().auth().preemptive().basic(CONFIDENTIAL_CLIENT, CONFIDENTIAL_SECRET)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", (String) login.path("refresh_token"))
                .post(TOKEN).then().statusCode(200).body("token_type", equalTo("Bearer"));
    }
}
