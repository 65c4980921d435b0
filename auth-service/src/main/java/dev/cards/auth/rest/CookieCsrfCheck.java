package dev.cards.auth.rest;

import java.util.List;
import java.util.Set;

import dev.cards.auth.config.OAuthConfig;
import dev.cards.auth.service.ClientRegistry;
import dev.cards.auth.service.RegisteredClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * CSRF defence for the refresh cookie. A browser attaches the cookie to any request to /auth, so a
 * request that presents the token only by cookie must prove it comes from our own page: an
 * allowed `Origin` (OWASP CSRF Prevention Cheat Sheet, "verifying origin with standard headers")
 * and an `X-Requested-With` header, which no form or plain link can send and which a script on
 * another origin can send only after a CORS preflight we refuse (OAuth 2.0 for Browser-Based
 * Apps, token-mediating backend). SameSite=Strict stays as the second layer.
 */
@ApplicationScoped
public class CookieCsrfCheck {

    public static final String REQUESTED_WITH = "X-Requested-With";

    private final Set<String> allowedOrigins;

    CookieCsrfCheck(ClientRegistry registry, OAuthConfig config) {
        this.allowedOrigins = Set.copyOf(registry.find(config.firstPartyClient())
                .map(RegisteredClient::allowedOrigins).orElse(List.of()));
    }

    /** Throws unless the request carries an allowed Origin and X-Requested-With. */
    void check(String origin, String requestedWith) {
        if (origin == null || !allowedOrigins.contains(origin)) {
            throw new CrossSiteRequestException("The refresh cookie is accepted only from an allowed Origin");
        }
        if (requestedWith == null || requestedWith.isBlank()) {
            throw new CrossSiteRequestException("A request with the refresh cookie must carry " + REQUESTED_WITH);
        }
    }
}
