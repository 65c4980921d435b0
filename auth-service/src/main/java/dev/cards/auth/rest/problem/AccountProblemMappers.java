package dev.cards.auth.rest.problem;

import dev.cards.auth.crypto.SenderConstraint;
import dev.cards.auth.rest.InvalidResourceProofException;
import dev.cards.http.dpop.DpopChallenge;
import dev.cards.http.dpop.DpopException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.cards.auth.crypto.InvalidAccessTokenException;
import dev.cards.auth.rest.CrossSiteRequestException;
import dev.cards.auth.rest.InvalidRequestException;
import dev.cards.auth.rest.MissingAccessTokenException;
import dev.cards.auth.rest.RefreshCookie;
import dev.cards.auth.service.EmailTakenException;
import dev.cards.auth.service.InvalidCredentialsException;
import dev.cards.auth.service.InvalidGrantException;
import dev.cards.auth.throttle.RefusalDelay;
import dev.cards.auth.throttle.ThrottledException;
import dev.cards.http.problem.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The auth-service's own refusals as problem details: sign-up, login, throttling, refresh and
 * access tokens. Validation, malformed JSON, the framework's answers and unexpected failures are
 * mapped by the shared {@link dev.cards.http.problem.RequestProblemMappers}.
 */
public class AccountProblemMappers {

    private static final int LOCK_RETRY_SECONDS = 1;

    private final RefusalDelay refusalDelay;
    private final SenderConstraint senderConstraint;

    public AccountProblemMappers(RefusalDelay refusalDelay, SenderConstraint senderConstraint) {
        this.refusalDelay = refusalDelay;
        this.senderConstraint = senderConstraint;
    }

    @ServerExceptionMapper
    public Response emailTaken(EmailTakenException e) {
        return Problems.of(409, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidCredentials(InvalidCredentialsException e) {
        return Problems.of(401, e.getMessage());
    }

    /** Held a moment before it leaves (RefusalDelay), so a flood that retries at once slows down. */
    @ServerExceptionMapper
    public Uni<Response> throttled(ThrottledException e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return refusalDelay.answer(Problems.builder(429, e.getMessage() + "; retry after " + seconds + " s")
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build(), e.retryAfter());
    }

    /** RFC 6749 §5.2; the refresh cookie is cleared so a browser stops sending a dead token. */
    @ServerExceptionMapper
    public Response invalidGrant(InvalidGrantException e) {
        return Problems.builder(401, e.getMessage(), "invalid_grant", null)
                .header(RefreshCookie.HEADER, RefreshCookie.cleared())
                .build();
    }

    /**
     * RFC 6750 §3: say why the access token was refused, so a client can tell expiry apart; with the
     * DPoP challenge beside it (RFC 9449 §7.1), since either scheme is accepted.
     */
    @ServerExceptionMapper
    public Response invalidAccessToken(InvalidAccessTokenException e) {
        return Problems.builder(401, e.getMessage(), "invalid_token", null)
                .header(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"invalid_token\", error_description=\"" + e.getMessage() + "\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, DpopChallenge.of(senderConstraint.settings()))
                .build();
    }

    /** RFC 9449 §7.1: the proof a bound access token needs was missing or refused. */
    @ServerExceptionMapper
    public Response invalidResourceProof(InvalidResourceProofException e) {
        return Problems.builder(401, e.getMessage(), e.error(), null)
                .header(HttpHeaders.WWW_AUTHENTICATE, DpopChallenge.of(senderConstraint.settings(), e.error(), e.getMessage()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /**
     * A token request's proof refused, or a nonce asked for (RFC 9449 §5, §8): 400 with the OAuth
     * error code in the problem; the nonce travels in `DPoP-Nonce` (DpopNonceFilter).
     */
    @ServerExceptionMapper
    public Response dpopRefused(DpopException e) {
        return Problems.builder(400, e.getMessage(), e.error(), null).build();
    }

    /** The CSRF check of the refresh cookie (CookieCsrfCheck): nothing was changed. */
    @ServerExceptionMapper
    public Response crossSiteRequest(CrossSiteRequestException e) {
        return Problems.of(403, e.getMessage());
    }

    @ServerExceptionMapper
    public Response missingAccessToken(MissingAccessTokenException e) {
        return Problems.builder(401, e.getMessage())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .header(HttpHeaders.WWW_AUTHENTICATE, DpopChallenge.of(senderConstraint.settings()))
                .build();
    }

    /**
     * A row lock not had in time: logins of one account queue on its user row (SessionCap), and H2
     * gives up after its LOCK_TIMEOUT (PostgreSQL only with a lock_timeout). Busy, not broken: 503 and
     * Retry-After (RFC 9110 §15.6.4), never a 500.
     */
    @ServerExceptionMapper({ PessimisticLockException.class, LockTimeoutException.class })
    public Response lockNotHadInTime(PersistenceException e) {
        return Problems.builder(503, "Too many requests for this account at once; retry shortly")
                .header(HttpHeaders.RETRY_AFTER, LOCK_RETRY_SECONDS)
                .build();
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return Problems.builder(400, e.getMessage(), "invalid_request", null).build();
    }
}
