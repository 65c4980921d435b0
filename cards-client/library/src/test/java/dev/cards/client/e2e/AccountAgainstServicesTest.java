package dev.cards.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cards.client.CardsClients;
import dev.cards.client.InMemoryTokenStore;
import dev.cards.client.SignedInSession;
import dev.cards.client.cards.model.CardRequest;
import dev.cards.client.error.AccessTokenRejectedException;
import dev.cards.client.error.NotSignedInException;
import dev.cards.client.error.SessionExpiredException;
import dev.cards.client.error.WrongPasswordException;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The signed-in user's sessions, password and account against the packaged services: one user
 * signed in from several clients, each with a session store of its own, as on several devices.
 */
@QuarkusTest
class AccountAgainstServicesTest {

    static final char[] PASSWORD = "e2e-password-123".toCharArray();
    private Services services;
    private String email;

    @BeforeEach
    void start() throws Exception {
        services = Services.get();
        email = "account-" + UUID.randomUUID() + "@example.com";
        device().sessions().signup(email, PASSWORD);
    }

    /** Another device: clients with a session store of their own. */
    private CardsClients device() {
        return CardsClients.builder().authUrl(services.auth.url()).cardsUrl(services.cards.url())
                .tokenStore(new InMemoryTokenStore()).build();
    }

    private CardsClients signedIn(char[] password) {
        CardsClients clients = device();
        clients.sessions().login(email, password);
        return clients;
    }

    private static SignedInSession own(CardsClients clients) {
        List<SignedInSession> current = clients.sessions().sessions().stream().filter(SignedInSession::current).toList();
        assertEquals(1, current.size(), "exactly one session is the caller's");
        return current.get(0);
    }

    @Test
    void threeClientsSeeThreeSessionsAndAnEndedOneNoLongerRefreshes() {
        CardsClients laptop = signedIn(PASSWORD);
        CardsClients phone = signedIn(PASSWORD);
        CardsClients tablet = signedIn(PASSWORD);

        List<SignedInSession> sessions = laptop.sessions().sessions();
        assertEquals(3, sessions.size());
        assertEquals(1, sessions.stream().filter(SignedInSession::current).count());
        assertTrue(sessions.stream().allMatch(s -> "cards-cli".equals(s.client()) && s.startedAt() != null
                && s.lastUsedAt() != null), sessions.toString());
        SignedInSession laptops = own(laptop);
        assertEquals(laptop.sessions().current().orElseThrow().dpopBound(), laptops.dpopBound());
        SignedInSession phones = own(phone);
        assertNotEquals(laptops.id(), phones.id());

        laptop.sessions().endSession(phones.id());

        assertThrows(SessionExpiredException.class, () -> phone.sessions().refresh());
        assertTrue(phone.sessions().current().isEmpty());
        laptop.sessions().refresh();
        tablet.sessions().refresh();
        assertEquals(0L, tablet.cards().listCards(0, 5).getTotal());
        assertEquals(2, laptop.sessions().sessions().size());
        assertTrue(laptop.sessions().sessions().stream().noneMatch(s -> s.id().equals(phones.id())));
    }

    @Test
    void endingTheOwnSessionSignsOut() {
        CardsClients laptop = signedIn(PASSWORD);
        CardsClients phone = signedIn(PASSWORD);

        phone.sessions().endSession(own(phone).id());

        assertTrue(phone.sessions().current().isEmpty());
        assertThrows(NotSignedInException.class, () -> phone.cards().listCards(0, 5));
        assertEquals(1, laptop.sessions().sessions().size());
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndTheCallerKeepsWorking() {
        CardsClients laptop = signedIn(PASSWORD);
        CardsClients phone = signedIn(PASSWORD);
        char[] next = "a-new-password-456".toCharArray();

        assertThrows(WrongPasswordException.class,
                () -> laptop.sessions().changePassword("not-the-password".toCharArray(), next));
        laptop.sessions().changePassword(PASSWORD, next);

        assertThrows(SessionExpiredException.class, () -> phone.sessions().refresh());
        laptop.sessions().refresh();
        laptop.cards().createCard(new CardRequest().question("q").answer("a"));
        assertEquals(1, laptop.sessions().sessions().size());
        assertThrows(AccessTokenRejectedException.class, () -> device().sessions().login(email, PASSWORD));
        signedIn(next);
    }

    @Test
    void deletingTheAccountClearsTheSessionAndTheOldPasswordNoLongerLogsIn() {
        CardsClients laptop = signedIn(PASSWORD);
        CardsClients phone = signedIn(PASSWORD);
        laptop.cards().createCard(new CardRequest().question("q").answer("a"));

        assertThrows(WrongPasswordException.class, () -> laptop.sessions().deleteAccount("not-the-password".toCharArray()));
        assertTrue(laptop.sessions().current().isPresent());
        laptop.sessions().deleteAccount(PASSWORD);

        assertTrue(laptop.sessions().current().isEmpty());
        assertThrows(NotSignedInException.class, () -> laptop.cards().listCards(0, 5));
        assertThrows(SessionExpiredException.class, () -> phone.sessions().refresh());
        assertThrows(AccessTokenRejectedException.class, () -> device().sessions().login(email, PASSWORD));
    }
}
