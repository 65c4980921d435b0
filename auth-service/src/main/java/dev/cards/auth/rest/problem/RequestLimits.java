package dev.cards.auth.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cards.auth.config.AuthConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The first route of every request: marks every answer {@code X-Content-Type-Options: nosniff},
 * and refuses with problem details what the resources must never see: a request target longer
 * than {@code auth.http.max-uri-length} (414, RFC 9110 §15.5.15), a head larger than
 * {@code auth.http.max-header-bytes} (431, RFC 6585 §5), a body without a Content-Type (415: it
 * would otherwise be read as JSON). Netty's own limits sit above these (application.properties)
 * and still answer bare 414/431 to anything bigger.
 */
@ApplicationScoped
public class RequestLimits {

    private final AuthConfig.Http config;
    private final String uriTooLong;
    private final String headersTooLarge;
    private final String noContentType;

    public RequestLimits(AuthConfig config, ObjectMapper json) throws JsonProcessingException {
        this.config = config.http();
        this.uriTooLong = problem(json, 414, "URI Too Long", "The request target is too long");
        this.headersTooLarge = problem(json, 431, "Request Header Fields Too Large", "The request headers are too large");
        this.noContentType = problem(json, 415, "Unsupported Media Type", "A request body needs a Content-Type");
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ctx.response().putHeader("X-Content-Type-Options", "nosniff");
        if (request.uri().length() > config.maxUriLength()) {
            refuse(ctx, 414, uriTooLong);
        } else if (headBytes(request) > config.maxHeaderBytes()) {
            refuse(ctx, 431, headersTooLarge);
        } else if (hasBody(request) && request.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            refuse(ctx, 415, noContentType);
        } else {
            ctx.next();
        }
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

    private static void refuse(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private static String problem(ObjectMapper json, int status, String title, String detail) throws JsonProcessingException {
        return json.writeValueAsString(new ProblemDetail("about:blank", title, status, detail, null, null));
    }
}
