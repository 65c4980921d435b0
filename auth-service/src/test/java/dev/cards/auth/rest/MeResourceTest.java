package dev.cards.auth.rest;

import dev.cards.testsupport.Challenges;
import static dev.cards.auth.rest.Api.api;
import static dev.cards.auth.rest.Api.badRequest;
import static org.hamcrest.Matchers.equalTo;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cards.auth.crypto.SigningKeys;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.smallrye.jwt.build.Jwt;

@QuarkusTest
class MeResourceTest {

    private static final String ISSUER = "http://localhost:8081";

    @Inject
    SigningKeys keys;

    @Test
    void meReturnsTheUserOfTheAccessToken() {
        String email = Api.newEmail();
        String id = Api.signUp(email);
        api().header("Authorization", "Bearer " + Api.logIn(email).path("access_token")).get("/auth/me")
                .then().statusCode(200).body("id", equalTo(id)).body("email", equalTo(email));
    }

    @Test
    void meWithoutCredentialsAsksForBearer() {
        Challenges.bearerThenDpop(badRequest().get("/auth/me").then().statusCode(401), "Bearer")
                .contentType("application/problem+json");
    }

    @Test
    void meWithATamperedTokenIsAnInvalidToken() {
        String token = Api.newSession().path("access_token");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"user\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        Challenges.bearerThenDpop(api().header("Authorization", "Bearer " + forged).get("/auth/me").then().statusCode(401),
                "Bearer error=\"invalid_token\", error_description=\"The access token is invalid\"");
    }

    @Test
    void meWithATokenSignedByAnotherKeyIsAnInvalidToken() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String foreign = Jwt.issuer(ISSUER).subject(java.util.UUID.randomUUID().toString()).audience("cards-service")
                .groups(Set.of("user")).expiresAt(Instant.now().plusSeconds(60))
                .jws().header("typ", "at+jwt").sign(generator.generateKeyPair().getPrivate());
        api().header("Authorization", "Bearer " + foreign).get("/auth/me").then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void meWithAnExpiredTokenSaysItExpired() {
        String expired = Jwt.issuer(ISSUER).subject(Api.signUp(Api.newEmail())).audience("cards-service")
                .groups(Set.of("user")).issuedAt(Instant.now().minusSeconds(400)).expiresAt(Instant.now().minusSeconds(100))
                .jws().header("typ", "at+jwt").keyId(keys.signingKeyId()).sign(keys.signingKey());
        Challenges.bearerThenDpop(api().header("Authorization", "Bearer " + expired).get("/auth/me").then().statusCode(401),
                "Bearer error=\"invalid_token\", error_description=\"The access token expired\"");
    }

    @Test
    void meRefusesAJwtOfOurKeyThatIsNotTypedAsAnAccessToken() {
        // RFC 8725 §3.11: valid in every way but typ (JWT instead of at+jwt).
        String untyped = Jwt.issuer(ISSUER).subject(Api.signUp(Api.newEmail())).audience("cards-service")
                .groups(Set.of("user")).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .jws().header("typ", "JWT").keyId(keys.signingKeyId()).sign(keys.signingKey());
        Challenges.bearerThenDpop(api().header("Authorization", "Bearer " + untyped).get("/auth/me").then().statusCode(401),
                "Bearer error=\"invalid_token\", error_description=\"The access token is invalid\"");
    }

    @Test
    void meAcceptsATokenMintedLikeTheServiceMintsIt() {
        String id = Api.signUp(Api.newEmail());
        String typed = Jwt.issuer(ISSUER).subject(id).audience("cards-service")
                .groups(Set.of("user")).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .jws().header("typ", "at+jwt").keyId(keys.signingKeyId()).sign(keys.signingKey());
        api().header("Authorization", "Bearer " + typed).get("/auth/me").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void meWithAGarbageTokenIsAnInvalidToken() {
        api().header("Authorization", "Bearer not.a.jwt").get("/auth/me").then().statusCode(401).body("error", equalTo("invalid_token"));
    }
}
