package dev.cards.client;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import dev.cards.client.auth.api.AuthApi;
import dev.cards.client.auth.model.LoginRequest;
import dev.cards.client.auth.model.RefreshRequest;
import dev.cards.client.auth.model.SignupRequest;
import dev.cards.client.auth.model.UserResponse;
import dev.cards.client.error.NotSignedInException;
import dev.cards.client.error.OtherIssuerSessionException;
import dev.cards.client.error.SessionExpiredException;

/**
 * Starts and ends the session the clients of one {@link CardsClients} share: sign-up, login,
 * logout, who it belongs to. Injected in a Quarkus application; {@link CardsClients#sessions()} for
 * a session of its own.
 */
public final class Sessions {

    private final Supplier<AuthApi> tokenClient;
    private final Supplier<AuthApi> auth;
    private final SessionRefresher refresher;
    private final DPoPDiscovery dpop;
    private final Clock clock;
    /** The key the login in progress binds its session to (the proof filter signs its request with it). */
    private volatile DPoPKey loginKey;

    Sessions(Supplier<AuthApi> tokenClient, Supplier<AuthApi> auth, SessionRefresher refresher, DPoPDiscovery dpop,
            Clock clock) {
        this.tokenClient = tokenClient;
        this.auth = auth;
        this.refresher = refresher;
        this.dpop = dpop;
        this.clock = clock;
    }

    /** The key of the login in progress, for the proof of its request; null when none is, or it is Bearer. */
    DPoPKey loginKey() {
        return loginKey;
    }

    public UserResponse signup(String email, char[] password) {
        return invoke(() -> tokenClient.get().signup(new SignupRequest().email(email).password(new String(password))));
    }

    /**
     * Logs in and stores the new session (replacing any previous one). With DPoP ({@code cards.client.dpop})
     * the session gets a key pair of its own, made now, and its tokens are bound to it (RFC 9449 §5).
     * One login at a time per {@link CardsClients}: the login's proof must be signed with its own key.
     */
    public synchronized Session login(String email, char[] password) {
        DPoPKey key = dpop.keyForLogin();
        loginKey = key;
        try {
            var response = invoke(() -> tokenClient.get().login(new LoginRequest().email(email).password(new String(password))));
            Session session = Session.from(new IssuedTokens(response.getAccessToken(), response.getRefreshToken(),
                    response.getExpiresIn(), response.getRefreshExpiresIn() == null ? 0 : response.getRefreshExpiresIn(),
                    IssuedTokens.tokenType(response.getTokenType())), clock.instant(), null, refresher.issuer(),
                    // A Bearer answer to a proof: the server did not bind this session (RFC 9449 §5), no key to keep.
                    Session.DPOP.equals(IssuedTokens.tokenType(response.getTokenType())) ? key : null);
            refresher.start(session);
            return session;
        } finally {
            loginKey = null;
        }
    }

    /** The signed-in user (GET /auth/me, with refresh-and-retry). */
    public UserResponse whoami() {
        return auth.get().me();
    }

    /**
     * The current session, from memory (never blocks); empty when signed out.
     *
     * @throws OtherIssuerSessionException when the stored session belongs to another auth-service
     */
    public Optional<Session> current() {
        return refresher.session();
    }

    /**
     * Refreshes the session now, whatever its tokens' expiry (calls do that by themselves when
     * needed); for example to learn at once whether it is still alive.
     *
     * @throws NotSignedInException with no session
     * @throws SessionExpiredException when the auth-service no longer accepts its refresh token
     */
    public Session refresh() {
        return refresher.refresh(refresher.current().accessToken());
    }

    /** Adds a listener (a Quarkus application declares {@link SessionListener} beans instead). */
    public void addListener(SessionListener listener) {
        refresher.addListener(listener);
    }

    /**
     * Revokes the session on the server (RFC 7009: unknown tokens are fine) and forgets it locally.
     * The local session is removed even when the server cannot be reached. A session of another
     * auth-service is neither sent nor removed ({@link OtherIssuerSessionException}).
     */
    public void logout() {
        var session = refresher.session(); // throws before the try: another issuer's session stays
        try {
            session.ifPresent(s -> invoke(() -> {
                try (var response = tokenClient.get().logout(new RefreshRequest().refreshToken(s.refreshToken()))) {
                    return response.getStatus();
                }
            }));
        } finally {
            refresher.end();
        }
    }

    private static <T> T invoke(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }
}
