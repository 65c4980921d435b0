package dev.cards.auth.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dev.cards.auth.crypto.PasswordHasher;
import dev.cards.auth.metrics.AuthMetrics;
import dev.cards.auth.model.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

/** Accounts: sign-up, password login, lookup. Emails arrive already normalised. */
@ApplicationScoped
public class AccountService {

    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionService sessions;
    private final Clock clock;
    private final AuthMetrics metrics;

    public AccountService(PasswordHasher hasher, LoginThrottle throttle, SessionService sessions, Clock clock,
            AuthMetrics metrics) {
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.clock = clock;
        this.metrics = metrics;
    }

    public User signUp(String email, String password) {
        if (User.findByEmail(email).isPresent()) {
            throw new EmailTakenException();
        }
        User user = new User();
        user.id = UUID.randomUUID();
        user.email = email;
        user.passwordHash = hasher.hash(password); // outside the transaction: hashing is slow
        user.createdAt = clock.instant();
        try {
            QuarkusTransaction.requiringNew().run(() -> user.persistAndFlush());
        } catch (PersistenceException concurrentSignUpWithTheSameEmail) {
            throw new EmailTakenException();
        }
        return user;
    }

    /**
     * Checks a password and starts a session. An unknown email and a wrong password cost the same
     * hash and end in the same exception (OWASP Authentication Cheat Sheet: generic responses).
     */
    public TokenPair logIn(String email, String password) {
        return logIn(email, password, sessions.firstPartyClient());
    }

    /** The same, for the session of an OAuth client (the password grant, RFC 6749 §4.3). */
    public TokenPair logIn(String email, String password, String clientId) {
        try {
            throttle.admit(email);
        } catch (LoginThrottledException e) {
            metrics.loginThrottled();
            throw e;
        }
        Optional<User> found = User.findByEmail(email);
        if (found.isEmpty()) {
            hasher.verifyAgainstDummy(password);
            metrics.loginFailed();
            throw new InvalidCredentialsException();
        }
        User user = found.get();
        if (!hasher.verify(password, user.passwordHash)) {
            metrics.loginFailed();
            throw new InvalidCredentialsException();
        }
        throttle.reset(email);
        metrics.loginSucceeded();
        String upgraded = hasher.needsRehash(user.passwordHash) ? hasher.hash(password) : null;
        return QuarkusTransaction.requiringNew().call(() -> {
            User managed = User.findById(user.id);
            if (upgraded != null) {
                managed.passwordHash = upgraded; // cost raised since this hash was made
            }
            return sessions.start(managed, clientId);
        });
    }

    public Optional<User> find(UUID id) {
        return User.findByIdOptional(id);
    }
}
