package dev.cards.http.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cards.http.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The first route of every request: marks every answer {@code X-Content-Type-Options: nosniff},
 * and refuses with problem details what the resources must never see: a request target longer
 * than {@link HeadLimits#maxUriLength()} (414, RFC 9110 §15.5.15), a head larger than
 * {@link HeadLimits#maxHeaderBytes()} (431, RFC 6585 §5), a body without a Content-Type (415: it
 * would otherwise be read as JSON). Netty's own limits sit above these (each service's
 * application.properties) and still answer bare 414/431 to anything bigger.
 */
@ApplicationScoped
public class RequestLimits {

    private final HeadLimits limits;
    private final String uriTooLong;
    private final String headersTooLarge;
    private final String noContentType;

    RequestLimits(HeadLimits limits, ObjectMapper json) throws JsonProcessingException {
        this.limits = limits;
        this.uriTooLong = json.writeValueAsString(Problem.of(414, "The request target is too long", null, null));
        this.headersTooLarge = json.writeValueAsString(Problem.of(431, "The request headers are too large", null, null));
        this.noContentType = json.writeValueAsString(Problem.of(415, "A request body needs a Content-Type", null, null));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ctx.response().putHeader("X-Content-Type-Options", "nosniff");
        if (request.uri().length() > limits.maxUriLength()) {
            refuse(challenged(ctx.response()), 414, uriTooLong);
        } else if (headBytes(request) > limits.maxHeaderBytes()) {
            refuse(challenged(ctx.response()), 431, headersTooLarge);
        } else if (hasBody(request) && request.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            refuse(ctx.response(), 415, noContentType);
        } else {
            ctx.next();
        }
    }

    private HttpServerResponse challenged(HttpServerResponse response) {
        return limits.challenge() == null ? response : response.putHeader("WWW-Authenticate", limits.challenge());
    }

    private static long headBytes(HttpServerRequest request) {
        long bytes = 0;
        for (var header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return bytes;
    }

    /** RFC 9112 §6.3: a body is announced by Transfer-Encoding or a non-zero Content-Length. */
    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.trim().equals("0"));
    }

    private static void refuse(HttpServerResponse response, int status, String body) {
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
