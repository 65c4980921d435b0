package dev.cards.client;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.client.impl.RestClientRequestContext;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cards.client.error.AccessTokenRejectedException;
import dev.cards.client.error.ApiException;
import dev.cards.client.error.ConflictException;
import dev.cards.client.error.InvalidInputException;
import dev.cards.client.error.PreconditionFailedException;
import dev.cards.client.error.ProblemDetails;
import dev.cards.client.error.RateLimitedException;
import dev.cards.client.error.ResourceNotFoundException;
import dev.cards.client.error.ServerErrorException;
import io.quarkus.rest.client.reactive.runtime.ResteasyReactiveResponseExceptionMapper;

/**
 * Turns every error status into a typed exception carrying the RFC 9457 problem details. A 401 also
 * carries the access token the request was sent with (Bearer or DPoP), read from the request itself,
 * so the refresher knows which token was rejected even when another call replaced it meanwhile. A
 * DPoP nonce challenge becomes {@link UseDPoPNonceException}, for {@link NonceRetry}.
 */
@Priority(ProblemResponseMapper.PRIORITY)
class ProblemResponseMapper implements ResteasyReactiveResponseExceptionMapper<ApiException> {

    /** Before the default mapper (Priorities.USER = 5000), so every error is typed. */
    static final int PRIORITY = 100;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public ApiException toThrowable(Response response, RestClientRequestContext request) {
        int status = response.getStatus();
        ProblemDetails problem = problemOf(response);
        ApiException typed = typed(status, problem, response, request);
        return isNonceChallenge(status, problem, response) ? new UseDPoPNonceException(typed) : typed;
    }

    /**
     * RFC 9449 §8 (authorization server: 400, {@code error} member) and §9 (resource server: 401,
     * {@code WWW-Authenticate: DPoP error="use_dpop_nonce"}), with the nonce to use in {@code DPoP-Nonce}.
     */
    private static boolean isNonceChallenge(int status, ProblemDetails problem, Response response) {
        return (status == 400 || status == 401) && response.getHeaderString(DPoPNonces.HEADER) != null
                && (UseDPoPNonceException.ERROR.equals(problem.error())
                        || DPoPChallenge.saysUseNonce(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)));
    }

    private static ApiException typed(int status, ProblemDetails problem, Response response, RestClientRequestContext request) {
        return switch (status) {
            case 400 -> new InvalidInputException(problem);
            case 401 -> new AccessTokenRejectedException(problem, sentAccessToken(request),
                    DPoPChallenge.saysInvalidToken(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)));
            case 404 -> new ResourceNotFoundException(problem);
            case 409 -> new ConflictException(problem);
            case 412 -> new PreconditionFailedException(problem);
            case 429 -> new RateLimitedException(problem, retryAfter(response));
            default -> status >= 500 ? new ServerErrorException(status, problem) : new ApiException(status, problem);
        };
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    static ProblemDetails problemOf(Response response) {
        String reason = response.getStatusInfo().getReasonPhrase();
        try {
            response.bufferEntity();
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (body == null || body.isBlank()) {
                return ProblemDetails.ofStatus(response.getStatus(), reason);
            }
            ProblemDetails problem = JSON.readValue(body, ProblemDetails.class);
            // A bare OAuth error body ({"error":"..."}, RFC 6749 §5.2) keeps its code.
            return problem.title() == null && problem.detail() == null
                    ? ProblemDetails.ofStatus(response.getStatus(), reason).withError(problem.error())
                    : problem;
        } catch (Exception notProblemJson) {
            return ProblemDetails.ofStatus(response.getStatus(), reason);
        }
    }

    private static String sentAccessToken(RestClientRequestContext request) {
        if (request == null) {
            return null;
        }
        String header = request.getRequestHeadersAsMap().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7);
        }
        return header != null && header.regionMatches(true, 0, "DPoP ", 0, 5) ? header.substring(5) : null;
    }

    private static Duration retryAfter(Response response) {
        String value = response.getHeaderString(HttpHeaders.RETRY_AFTER);
        try {
            return value == null ? null : Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }
}
