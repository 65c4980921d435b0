package dev.cards.auth.rest;

import static dev.cards.auth.rest.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JwksResourceTest {

    @Test
    void jwksPublishesThePublicSigningKey() {
        api().get("/.well-known/jwks.json").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300")
                .body("keys", hasSize(1))
                .body("keys.kty", everyItem(equalTo("EC")))
                .body("keys.use", everyItem(equalTo("sig")))
                .body("keys.alg", everyItem(equalTo("ES256")))
                .body("keys[0].crv", equalTo("P-256"))
                .body("keys[0].kid", notNullValue())
                .body("keys[0].x", notNullValue())
                .body("keys[0].y", notNullValue())
                .body("keys[0].d", equalTo(null));
    }

    @Test
    void jwksVerifiesAnIssuedAccessToken() throws Exception {
        String email = Api.newEmail();
        String id = Api.signUp(email);
        String token = Api.logIn(email).path("access_token");
        JsonWebKeySet jwks = new JsonWebKeySet(api().get("/.well-known/jwks.json").asString());
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "ES256")
                .setExpectedIssuer("http://localhost:8081")
                .setExpectedType(true, "at+jwt")
                .setExpectedAudience("cards-service")
                .setRequireExpirationTime()
                .build()
                .processToClaims(token);
        assertEquals(id, claims.getSubject());
    }
}
