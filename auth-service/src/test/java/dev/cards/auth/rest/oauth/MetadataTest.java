package dev.cards.auth.rest.oauth;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** RFC 8414 metadata: what it claims is exactly what is implemented. */
@QuarkusTest
class MetadataTest {

    private static final String ISSUER = "http://localhost:8081";

    @Test
    void metadataNamesTheIssuerAndTheEndpoints() {
        RestAssured.get("/.well-known/oauth-authorization-server").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("issuer", equalTo(ISSUER))
                .body("token_endpoint", equalTo(ISSUER + "/oauth2/token"))
                .body("revocation_endpoint", equalTo(ISSUER + "/oauth2/revoke"))
                .body("jwks_uri", equalTo(ISSUER + "/.well-known/jwks.json"))
                .body("grant_types_supported", containsInAnyOrder("password", "refresh_token", "client_credentials"))
                .body("token_endpoint_auth_methods_supported", contains("none", "client_secret_basic", "client_secret_post"))
                .body("revocation_endpoint_auth_methods_supported", contains("none", "client_secret_basic", "client_secret_post"))
                .body("response_types_supported", empty());
    }

    @Test
    void openidConfigurationIsTheSameDocumentAndClaimsNoOpenIdConnectFeature() {
        String oauth = RestAssured.get("/.well-known/oauth-authorization-server").asString();
        String oidc = RestAssured.get("/.well-known/openid-configuration").then().statusCode(200)
                .body("$", not(hasKey("authorization_endpoint")))
                .body("$", not(hasKey("userinfo_endpoint")))
                .body("$", not(hasKey("id_token_signing_alg_values_supported")))
                .body("$", not(hasKey("scopes_supported")))
                .extract().asString();
        assertEquals(oauth, oidc);
    }

    @Test
    void theAdvertisedPathsAreServed() {
        RestAssured.get("/.well-known/jwks.json").then().statusCode(200).body("keys", not(empty()));
        RestAssured.given().contentType("application/x-www-form-urlencoded").body("client_id=cards-cli")
                .post("/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        RestAssured.given().contentType("application/x-www-form-urlencoded").body("client_id=cards-cli")
                .post("/oauth2/revoke").then().statusCode(400).body("error", equalTo("invalid_request"));
    }
}
