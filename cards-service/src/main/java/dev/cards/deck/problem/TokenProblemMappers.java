package dev.cards.deck.problem;

import dev.cards.deck.security.ProofOfPossession;
import dev.cards.deck.security.TokenSchemeException;
import dev.cards.http.dpop.DpopChallenge;
import dev.cards.http.dpop.DpopException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.InvalidJwtException;

import dev.cards.deck.metrics.TokenRejections;
import dev.cards.deck.metrics.TokenRejections.Reason;
import dev.cards.http.problem.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The token checks' answers with RFC 6750 §3 challenges. They reach these mappers because
 * proactive authentication is off ({@code quarkus.http.auth.proactive=false}).
 */
public class TokenProblemMappers {

    static final String EXPIRED = "The access token expired";
    static final String INVALID = "The access token is invalid";

    private final TokenRejections rejections;
    private final String dpopChallenge;
    private final ProofOfPossession proofOfPossession;

    public TokenProblemMappers(TokenRejections rejections, ProofOfPossession proofOfPossession) {
        this.rejections = rejections;
        this.proofOfPossession = proofOfPossession;
        // RFC 9449 §7.1: every 401 names both schemes, so a DPoP client learns the algorithms.
        this.dpopChallenge = DpopChallenge.of(proofOfPossession.settings());
    }

    /** No bearer token at all (also another scheme, e.g. Basic): no error code, RFC 6750 §3.1. */
    @ServerExceptionMapper
    public Response noCredentials(UnauthorizedException e) {
        rejections.count(Reason.MISSING);
        return Problems.builder(401, "An access token is required")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .header(HttpHeaders.WWW_AUTHENTICATE, dpopChallenge)
                .build();
    }

    /**
     * A bearer token that failed verification. Only expiry is told apart, so a client knows to
     * refresh; every other reason gets the same description (no oracle for forgers).
     */
    @ServerExceptionMapper
    public Response invalidToken(AuthenticationFailedException e) {
        boolean expired = hasExpired(e);
        rejections.count(expired ? Reason.EXPIRED : Reason.INVALID);
        String description = expired ? EXPIRED : INVALID;
        return Problems.builder(401, description, "invalid_token", null)
                .header(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"invalid_token\", error_description=\"" + description + "\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, dpopChallenge)
                .build();
    }

    /** RFC 9449 §7.1, §7.2: a bound token as Bearer, or an unbound one as DPoP. */
    @ServerExceptionMapper
    public Response wrongScheme(TokenSchemeException e) {
        rejections.count(Reason.WRONG_SCHEME);
        return Problems.builder(401, e.getMessage(), "invalid_token", null)
                .header(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"invalid_token\", error_description=\"" + e.getMessage() + "\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, dpopChallenge)
                .build();
    }

    /**
     * RFC 9449 §7.1: the proof of a bound token was missing or refused (replayed, another key, another
     * request, too old). The description names the failed check; the Bearer challenge stays beside it.
     */
    @ServerExceptionMapper
    public Response invalidProof(DpopException e) {
        rejections.count(Reason.INVALID_PROOF);
        return Problems.builder(401, e.getMessage(), e.error(), null)
                .header(HttpHeaders.WWW_AUTHENTICATE,
                        DpopChallenge.of(proofOfPossession.settings(), e.error(), e.getMessage()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response insufficientScope(ForbiddenException e) {
        rejections.count(Reason.INSUFFICIENT_SCOPE);
        return Problems.builder(403, "The access token does not grant access to cards", "insufficient_scope", null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
                .build();
    }

    private static boolean hasExpired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidJwtException jwt && jwt.hasExpired()) {
                return true;
            }
        }
        return false;
    }
}
