package dev.cards.auth.service;

import java.util.Map;

import dev.cards.auth.crypto.SenderConstraint;
import dev.cards.auth.throttle.ThrottledException;
import dev.cards.http.dpop.PresentedProof;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The token endpoint's rules (RFC 6749 §3.2, §4.3, §6): which client, which grant, which
 * parameters. The grants themselves are the same login and refresh the JSON endpoints use.
 */
@ApplicationScoped
public class TokenGrants {

    private static final int MAX_USERNAME = 254;
    private static final int MAX_PASSWORD = 128;

    private final ClientRegistry clients;
    private final AccountService accounts;
    private final SessionService sessions;
    private final SenderConstraint senderConstraint;

    public TokenGrants(ClientRegistry clients, AccountService accounts, SessionService sessions,
            SenderConstraint senderConstraint) {
        this.senderConstraint = senderConstraint;
        this.clients = clients;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /**
     * Exchanges a grant for tokens; {@code form} holds each parameter once, empty ones left out (§3.1).
     * The DPoP proof is checked once the client is known (its policy decides) and before the grant.
     */
    public TokenPair exchange(ClientCredentials credentials, Map<String, String> form, String address, PresentedProof proof) {
        String grantType = required(form, "grant_type");
        RegisteredClient client = clients.authenticate(credentials);
        if (!ClientRegistry.GRANT_TYPES.contains(grantType)) {
            throw OAuthException.unsupportedGrantType("Supported grant types: " + String.join(", ", ClientRegistry.GRANT_TYPES));
        }
        // §5.2 unauthorized_client; the password grant is refused unless the client opted in (RFC 9700 §2.4).
        if (!client.allows(grantType)) {
            throw OAuthException.unauthorizedClient("The client may not use the " + grantType + " grant");
        }
        if (form.containsKey("scope")) {
            // §3.3: this server defines no scopes, so any requested scope is unknown.
            throw OAuthException.invalidScope("This server defines no scopes; leave scope out");
        }
        String dpopJkt = senderConstraint.keyForTokenRequest(client.dpop(), proof);
        return switch (grantType) {
            case "password" -> password(client, form, address, dpopJkt);
            default -> refresh(client, form, dpopJkt);
        };
    }

    /** §4.3.2; bad credentials are invalid_grant (§5.2), throttling is the same login throttle. */
    private TokenPair password(RegisteredClient client, Map<String, String> form, String address, String dpopJkt) {
        String username = bounded(form, "username", MAX_USERNAME);
        String password = bounded(form, "password", MAX_PASSWORD);
        try {
            return accounts.logIn(EmailNormalizer.normalize(username), password, address, client.id(), dpopJkt);
        } catch (InvalidCredentialsException e) {
            throw OAuthException.invalidGrant(e.getMessage());
        } catch (ThrottledException e) {
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            throw OAuthException.throttled(e.getMessage() + "; retry after " + seconds + " s", e.retryAfter());
        }
    }

    /** §6: the same rotation, reuse detection and grace as /auth/refresh, for the session's own client. */
    private TokenPair refresh(RegisteredClient client, Map<String, String> form, String dpopJkt) {
        String token = required(form, "refresh_token");
        try {
            return sessions.refresh(token, client.id(), dpopJkt);
        } catch (InvalidGrantException e) {
            throw OAuthException.invalidGrant(e.getMessage());
        }
    }

    static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null) {
            throw OAuthException.invalidRequest("The parameter " + name + " is missing");
        }
        return value;
    }

    private static String bounded(Map<String, String> form, String name, int max) {
        String value = required(form, name);
        if (value.length() > max) {
            throw OAuthException.invalidRequest("The parameter " + name + " is longer than " + max + " characters");
        }
        return value;
    }
}
