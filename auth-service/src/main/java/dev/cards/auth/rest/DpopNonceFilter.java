package dev.cards.auth.rest;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.cards.auth.crypto.SenderConstraint;
import dev.cards.http.dpop.DpopChallenge;
import dev.cards.http.dpop.PresentedProof;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Every answer to a request that carried a DPoP proof hands out the current nonce (RFC 9449 §8),
 * refusals included: a client keeps the latest and puts it in its next proof, so after the first
 * round it never meets `use_dpop_nonce` again until the nonce rotates.
 */
public class DpopNonceFilter {

    private final SenderConstraint senderConstraint;

    public DpopNonceFilter(SenderConstraint senderConstraint) {
        this.senderConstraint = senderConstraint;
    }

    @ServerResponseFilter
    public void handOutNonce(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString(PresentedProof.HEADER) != null) {
            response.getHeaders().putSingle(DpopChallenge.NONCE_HEADER, senderConstraint.currentNonce());
        }
    }
}
