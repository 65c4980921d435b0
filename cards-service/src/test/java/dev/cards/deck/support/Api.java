package dev.cards.deck.support;

import java.nio.file.Path;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.log.LogDetail;
import io.restassured.specification.RequestSpecification;

/**
 * Entry point for every RestAssured exchange in the tests: each one is validated against the
 * committed OpenAPI document, so an undocumented status, content type or field fails the test.
 * Requests that are wrong on purpose go through {@link #wrong()}, which checks the answer only.
 */
public final class Api {

    /** The committed OpenAPI document, relative to the module (surefire's working directory). */
    public static final String DOCUMENT = "src/main/openapi/cards-api.yaml";

    private static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(validator(LevelResolver.create().build()));

    private static final OpenApiValidationFilter RESPONSES_ONLY = new OpenApiValidationFilter(validator(
            LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build()));

    /** A failing test logs its exchange, but never a token. */
    private static final RestAssuredConfig NO_TOKEN_LOGGING = RestAssured.config()
            .logConfig(LogConfig.logConfig().blacklistHeader("Authorization"));

    private Api() {
    }

    /** A request that conforms to the document; request and response are both validated. */
    public static RequestSpecification given() {
        return spec(STRICT);
    }

    /**
     * As the owner of {@code token}: a conforming request with {@code Authorization: Bearer <token>}
     * (a plain header rather than RestAssured's oauth2(), whose filter runs after validation).
     */
    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** A request that breaks the document on purpose; only the response is validated. */
    public static RequestSpecification wrong() {
        return spec(RESPONSES_ONLY);
    }

    /** {@link #wrong()} with a bearer token. */
    public static RequestSpecification wrongAs(String token) {
        return wrong().header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification spec(OpenApiValidationFilter validation) {
        return RestAssured.given().config(NO_TOKEN_LOGGING).filter(validation).log().ifValidationFails(LogDetail.ALL);
    }

    private static OpenApiInteractionValidator validator(LevelResolver levels) {
        return OpenApiInteractionValidator.createForSpecificationUrl(Path.of(DOCUMENT).toUri().toString())
                .withLevelResolver(levels)
                .build();
    }
}
