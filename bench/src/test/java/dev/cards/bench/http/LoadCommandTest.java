package dev.cards.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Options out of range are usage errors (exit code 2), found before any request: nothing listens on port 9. */
class LoadCommandTest {

    private static final String NOBODY = "http://127.0.0.1:9";
    private final StringWriter err = new StringWriter();

    private int load(String... args) {
        CommandLine line = new CommandLine(new LoadCommand());
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] { "--auth", NOBODY, "--cards", NOBODY, "--keycloak", NOBODY }, 0, all, args.length, 6);
        return line.execute(all);
    }

    @Test
    void anUnknownScenarioIsAUsageErrorNamingTheKnownOnes() {
        assertEquals(2, load("logins"));
        assertTrue(err.toString().contains("one of login, refresh, cards-read, cards-write, kc-login, kc-refresh"), err.toString());
    }

    @Test
    void noWorkersIsAUsageError() {
        assertEquals(2, load("login", "--concurrency", "0"));
    }

    @Test
    void anEmptyMeasuredPeriodIsAUsageError() {
        assertEquals(2, load("refresh", "--seconds", "0"));
    }

    @Test
    void aNegativeWarmupIsAUsageError() {
        assertEquals(2, load("refresh", "--warmup", "-1"));
    }

    @Test
    void keycloakScenariosNeedTheSharedAccounts() {
        assertEquals(2, load("kc-refresh"));
        assertTrue(err.toString().contains("kc-refresh needs --users N"), err.toString());
    }

    @Test
    void keycloaksDpopScenarioNeedsTheSharedAccountsToo() {
        assertEquals(2, load("kc-refresh-dpop"));
        assertTrue(err.toString().contains("kc-refresh-dpop needs --users N"), err.toString());
    }

    @Test
    void aWatchWithoutPidIsAUsageError() {
        assertEquals(2, load("login", "--watch", "server=auth"));
        assertTrue(err.toString().contains("name=pid"), err.toString());
    }

    @Test
    void aNonNumericOptionIsAUsageError() {
        assertEquals(2, load("login", "--users", "many"));
    }
}
