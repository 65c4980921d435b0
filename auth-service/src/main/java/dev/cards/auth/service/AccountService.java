package dev.cards.auth.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dev.cards.auth.crypto.PasswordHasher;
import dev.cards.auth.metrics.AuthMetrics;
import dev.cards.auth.persistence.User;
import dev.cards.auth.throttle.AccountLoginLimit;
import dev.cards.auth.throttle.AddressGate;
import dev.cards.auth.throttle.LoginBulkhead;
import dev.cards.auth.throttle.LoginThrottle;
import dev.cards.auth.throttle.SignupLimit;
import dev.cards.auth.throttle.ThrottledException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

/** Accounts: sign-up, password login, lookup. Emails arrive already normalised. */
@ApplicationScoped
public class AccountService {

    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AddressGate gate;
    private final LoginBulkhead bulkhead;
    private final AccountLoginLimit accountLimit;
    private final SignupLimit signupLimit;
    private final SessionService sessions;
    private final Clock clock;
    private final AuthMetrics metrics;

    public AccountService(PasswordHasher hasher, LoginThrottle throttle, AddressGate gate, LoginBulkhead bulkhead,
            AccountLoginLimit accountLimit, SignupLimit signupLimit, SessionService sessions, Clock clock, AuthMetrics metrics) {
        this.hasher = hasher;
        this.throttle = throttle;
        this.gate = gate;
        this.bulkhead = bulkhead;
        this.accountLimit = accountLimit;
        this.signupLimit = signupLimit;
        this.sessions = sessions;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Creates an account; {@code address} is the client's, for the per-address sign-up limit. */
    public User signUp(String email, String password, String address) {
        signupLimit.take(address);
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
     * {@code address} is the client's: failures are throttled per (email, address), per address and
     * per account ({@link LoginThrottle}). Logins in progress are bounded per replica, successful
     * ones per account, live sessions per account.
     */
    public TokenPair logIn(String email, String password, String address, String dpopJkt) {
        return logIn(email, password, address, sessions.firstPartyClient(), dpopJkt);
    }

    /**
     * The same, for the session of an OAuth client (the password grant, RFC 6749 §4.3). With
     * {@code dpopJkt}, the tokens are bound to that DPoP key (see {@link SessionService#start}).
     */
    public TokenPair logIn(String email, String password, String address, String clientId, String dpopJkt) {
        TokenPair tokens;
        try (LoginBulkhead.Pass inProgress = bulkhead.enter()) {
            accountLimit.admit(email); // before the hash: a flood of correct logins costs a read each
            User user = checkFrom(address, email, password);
            accountLimit.count(email);
            tokens = startSession(user, password, clientId, dpopJkt);
        } catch (ThrottledException e) {
            metrics.loginThrottled();
            throw e;
        }
        metrics.loginSucceeded();
        return tokens;
    }

    /** The user, in this address's turn at the password check; failures are counted and thrown. */
    private User checkFrom(String address, String email, String password) {
        try (AddressGate.Pass turn = gate.enter(address)) {
            LoginThrottle.Attempt attempt = throttle.admit(email, address);
            User user = check(email, password);
            if (user == null) {
                throttle.failed(attempt);
                metrics.loginFailed();
                throw new InvalidCredentialsException();
            }
            throttle.succeeded(attempt);
            return user;
        }
    }

    private TokenPair startSession(User user, String password, String clientId, String dpopJkt) {
        String upgraded = hasher.needsRehash(user.passwordHash) ? hasher.hash(password) : null;
        return QuarkusTransaction.requiringNew().call(() -> {
            User managed = User.findById(user.id);
            if (upgraded != null) {
                managed.passwordHash = upgraded; // cost raised since this hash was made
            }
            return sessions.start(managed, clientId, dpopJkt);
        });
    }

    /** The user whose password this is, or null; the same work either way. */
    private User check(String email, String password) {
        Optional<User> found = User.findByEmail(email);
        if (found.isEmpty()) {
            hasher.verifyAgainstDummy(password);
            return null;
        }
        return hasher.verify(password, found.get().passwordHash) ? found.get() : null;
    }

    public Optional<User> find(UUID id) {
        return User.findByIdOptional(id);
    }
}
