package dev.cards.auth.rest;

import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Test client: every exchange is checked against the committed OpenAPI document, so an
 * undocumented status, header or field fails the test that produced it.
 */
public final class Api {

    public static final String PASSWORD = "correct horse battery staple";
    /** The web app's origin, allowed by the %test profile (quarkus.http.cors.origins). */
    public static final String WEB_ORIGIN = "http://localhost:8082";

    private static final String SPEC = OpenApiDocumentTest.COMMITTED.toString();

    private static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build());


    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build();

    /** For requests that are wrong on purpose: only the answer is checked against the document. */
    private static final Filter RESPONSES_ONLY = (request, response, context) -> {
        Response answer = context.next(request, response);
        ValidationReport report = VALIDATOR.validateResponse(URI.create(request.getURI()).getPath(),
                com.atlassian.oai.validator.model.Request.Method.valueOf(request.getMethod()), RestAssuredResponse.of(answer));
        if (report.hasErrors()) {
            throw new AssertionError("Response does not match the OpenAPI document: " + report);
        }
        return answer;
    };

    private Api() {
    }

    public static RequestSpecification api() {
        return RestAssured.given().filter(STRICT).log().ifValidationFails();
    }

    public static RequestSpecification badRequest() {
        return RestAssured.given().filter(RESPONSES_ONLY).log().ifValidationFails();
    }

    public static String newEmail() {
        return "u-" + UUID.randomUUID() + "@example.com";
    }

    public static String signUp(String email) {
        return api().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/auth/signup").then().statusCode(201).extract().path("id");
    }

    public static ExtractableResponse<Response> logIn(String email) {
        return api().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/auth/login").then().statusCode(200).extract();
    }

    /** Signs up a new user and logs in: the token response. */
    public static ExtractableResponse<Response> newSession() {
        String email = newEmail();
        signUp(email);
        return logIn(email);
    }

    public static Response refresh(String refreshToken) {
        return api().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken)).post("/auth/refresh");
    }

    public static String refreshed(String refreshToken) {
        return refresh(refreshToken).then().statusCode(200).body("token_type", equalTo("Bearer"))
                .extract().path("refresh_token");
    }

    public static void assertInvalidGrant(Response response) {
        response.then().statusCode(401)
                .contentType("application/problem+json")
                .body("error", equalTo("invalid_grant"))
                .header("Set-Cookie", equalTo("refresh_token=; Path=/auth; Max-Age=0; HttpOnly; Secure; SameSite=Strict"));
    }
}
