package dev.cards.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpScenariosTest {

    @Test
    void sharedAccountsAreTakenRoundRobinFromUserOne() {
        assertEquals("user1@bench.test", HttpScenarios.sharedEmail(0, 3));
        assertEquals("user3@bench.test", HttpScenarios.sharedEmail(2, 3));
        assertEquals("user1@bench.test", HttpScenarios.sharedEmail(3, 3));
    }

    @Test
    void keycloaksFormEncodesEveryValue() {
        assertEquals("grant_type=password&username=user1%40bench.test&password=correct+horse",
                HttpScenarios.form("grant_type", "password", "username", "user1@bench.test", "password", "correct horse"));
    }

    @Test
    void theRefreshTokenIsFoundInAnAnswer() {
        assertEquals("r-1", HttpScenarios.find(HttpScenarios.REFRESH, "{\"access_token\":\"a-1\",\"refresh_token\":\"r-1\"}"));
        assertThrows(IllegalStateException.class, () -> HttpScenarios.find(HttpScenarios.REFRESH, "{\"error\":\"x\"}"));
    }

    @Test
    void scenariosAreNamedAsOnTheCommandLine() {
        assertEquals(Scenario.CARDS_WRITE, Scenario.of("cards-write"));
        assertEquals("kc-login", Scenario.KC_LOGIN.label());
        assertThrows(IllegalArgumentException.class, () -> Scenario.of("CARDS_WRITE"));
    }

    @Test
    void theDpopScenariosAreNamedForTheOnesTheyMirror() {
        assertEquals(Scenario.REFRESH_DPOP, Scenario.of("refresh-dpop"));
        assertEquals(Scenario.CARDS_READ_DPOP, Scenario.of("cards-read-dpop"));
        assertTrue(Scenario.KC_REFRESH_DPOP.keycloak() && Scenario.KC_REFRESH_DPOP.dpop());
        assertFalse(Scenario.REFRESH_DPOP.keycloak());
        assertFalse(Scenario.KC_REFRESH.dpop());
    }
}
