package dev.cards.client.rest;

import java.time.Clock;

import dev.cards.client.api.auth.api.AuthApi;
import dev.cards.client.api.auth.model.LoginRequest;
import dev.cards.client.api.auth.model.RefreshRequest;
import dev.cards.client.api.auth.model.SignupRequest;
import dev.cards.client.api.auth.model.UserResponse;
import dev.cards.client.session.Session;
import dev.cards.client.session.SessionRefresher;
import dev.cards.client.session.TokenResponse;

/** Starts and ends sessions: sign-up, login, logout, and who the current session belongs to. */
public class SessionService {

    private final AuthApi tokenClient;
    private final AuthApi auth;
    private final SessionRefresher refresher;
    private final Clock clock;

    SessionService(AuthApi tokenClient, AuthApi auth, SessionRefresher refresher, Clock clock) {
        this.tokenClient = tokenClient;
        this.auth = auth;
        this.refresher = refresher;
        this.clock = clock;
    }

    public UserResponse signup(String email, char[] password) {
        return invoke(() -> tokenClient.signup(new SignupRequest().email(email).password(new String(password))));
    }

    /** Logs in and stores the new session (replacing any previous one). */
    public Session login(String email, char[] password) {
        var response = invoke(() -> tokenClient.login(new LoginRequest().email(email).password(new String(password))));
        Session session = Session.from(new TokenResponse(response.getAccessToken(), response.getRefreshToken(),
                response.getExpiresIn(), response.getRefreshExpiresIn() == null ? 0 : response.getRefreshExpiresIn()),
                clock.instant(), null, refresher.issuer());
        refresher.start(session);
        return session;
    }

    /** The signed-in user (GET /auth/me, with refresh-and-retry). */
    public UserResponse whoami() {
        return auth.me();
    }

    /**
     * Revokes the session on the server (RFC 7009: unknown tokens are fine) and forgets it locally.
     * The local session is removed even when the server cannot be reached. A session of another
     * auth-service is neither sent nor removed ({@link dev.cards.client.error.OtherIssuerSessionException}).
     */
    public void logout() {
        var session = refresher.session(); // throws before the try: another issuer's session stays
        try {
            session.ifPresent(s -> invoke(() -> {
                try (var response = tokenClient.logout(new RefreshRequest().refreshToken(s.refreshToken()))) {
                    return response.getStatus();
                }
            }));
        } finally {
            refresher.end();
        }
    }

    private static <T> T invoke(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }
}
