package dev.cards.client;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import dev.cards.client.auth.api.AuthApi;
import dev.cards.client.auth.model.AccountDeletionRequest;
import dev.cards.client.auth.model.LoginRequest;
import dev.cards.client.auth.model.PasswordChangeRequest;
import dev.cards.client.auth.model.RefreshRequest;
import dev.cards.client.auth.model.SignupRequest;
import dev.cards.client.auth.model.UserResponse;
import dev.cards.client.error.ApiException;
import dev.cards.client.error.InvalidInputException;
import dev.cards.client.error.NotSignedInException;
import dev.cards.client.error.OtherIssuerSessionException;
import dev.cards.client.error.RateLimitedException;
import dev.cards.client.error.ResourceNotFoundException;
import dev.cards.client.error.SessionExpiredException;
import dev.cards.client.error.WrongPasswordException;

/**
 * Starts and ends the session the clients of one {@link CardsClients} share: sign-up, login,
 * logout, who it belongs to; and the signed-in user's account: the sessions on every device, the
 * password, the account's deletion. Injected in a Quarkus application; {@link CardsClients#sessions()} for
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

    /**
     * The signed-in user's live sessions, on every device, the most recently used first; exactly one
     * is {@link SignedInSession#current() current}: this client's (GET /auth/sessions, with
     * refresh-and-retry).
     */
    public List<SignedInSession> sessions() {
        return auth.get().listSessions().getItems().stream().map(SignedInSession::of).toList();
    }

    /**
     * Ends one of the signed-in user's sessions at once (DELETE /auth/sessions/{id}): its refresh
     * token fails from now on; its access token lives out its few minutes. Ending this client's own
     * session is a logout: the stored session (with its DPoP key) is removed too. Which one is this
     * client's, the access token's {@code sid} says; a token without one is looked up in
     * {@link #sessions()} first.
     *
     * @throws ResourceNotFoundException when {@code id} is none of the user's live sessions
     */
    public void endSession(String id) {
        boolean own = isOwn(id);
        try (var response = auth.get().endSession(id)) {
            response.getStatus();
        }
        if (own) {
            refresher.end();
        }
    }

    /**
     * Changes the signed-in user's password (POST /auth/password). Every other session ends; this
     * one stays, with the same tokens.
     *
     * @throws WrongPasswordException when {@code current} is wrong (it counts like a failed login)
     * @throws InvalidInputException when {@code next} is not acceptable (the field errors say why)
     * @throws RateLimitedException after too many wrong passwords ({@code retryAfter()})
     */
    public void changePassword(char[] current, char[] next) {
        var request = new PasswordChangeRequest().currentPassword(new String(current)).newPassword(new String(next));
        withPassword(() -> auth.get().changePassword(request));
    }

    /**
     * Deletes the signed-in user's account (POST /auth/account/deletion): every session ends, this
     * one is removed from the store with its DPoP key, and the cards-service deletes every card of
     * it (asynchronously; also when it is down now, once it is back). A new sign-up with the same
     * email is a new user.
     *
     * @throws WrongPasswordException when {@code password} is wrong (the session is kept)
     * @throws RateLimitedException after too many wrong passwords ({@code retryAfter()})
     */
    public void deleteAccount(char[] password) {
        var request = new AccountDeletionRequest().password(new String(password));
        withPassword(() -> auth.get().deleteAccount(request));
        refresher.end();
    }

    /** Whether {@code id} is this client's session: the access token's {@code sid}, or else the list. */
    private boolean isOwn(String id) {
        return AccessTokenClaims.sessionId(refresher.current().accessToken()).map(id::equals)
                .orElseGet(() -> sessions().stream().anyMatch(s -> s.current() && s.id().equals(id)));
    }

    /** Sends a call that carries the user's password; 403 means the password was wrong, not the token. */
    private static void withPassword(Supplier<Response> call) {
        try (var response = call.get()) {
            response.getStatus();
        } catch (ApiException e) {
            if (e.status() == 403) {
                throw new WrongPasswordException(e.problem());
            }
            throw e;
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
