package dev.cards.auth.rest.oauth;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.cards.auth.service.OAuthException;
import dev.cards.auth.throttle.RefusalDelay;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** OAuth errors leave as RFC 6749 §5.2 prescribes: application/json, never problem details. */
public class OAuthErrorMapper {

    private final RefusalDelay refusalDelay;

    public OAuthErrorMapper(RefusalDelay refusalDelay) {
        this.refusalDelay = refusalDelay;
    }

    /** A throttled password grant is held like a throttled login (RefusalDelay). */
    @ServerExceptionMapper
    public Uni<Response> oauthError(OAuthException e) {
        Response.ResponseBuilder answer = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthError(e.error(), e.getMessage()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache");
        if (e.status() == 401) {
            // §5.2: the scheme the client may authenticate with.
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"cards\"");
        }
        if (e.retryAfter() == null) {
            return Uni.createFrom().item(answer.build());
        }
        answer.header(HttpHeaders.RETRY_AFTER, Math.max(1, (e.retryAfter().toMillis() + 999) / 1000));
        return refusalDelay.answer(answer.build(), e.retryAfter());
    }
}
