package dev.cards.bench.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Usage errors (exit code 2), found before any request: the flood is bounded and stays on loopback. */
class LoginFloodCommandTest {

    private final StringWriter err = new StringWriter();

    private int flood(String... args) {
        CommandLine line = new CommandLine(new LoginFloodCommand());
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));
        String[] accounts = { "--victim", "v@flood.example", "--legit", "l@flood.example", "--password", "p" };
        String[] all = new String[accounts.length + args.length];
        System.arraycopy(accounts, 0, all, 0, accounts.length);
        System.arraycopy(args, 0, all, accounts.length, args.length);
        return line.execute(all);
    }

    @Test
    void moreThan250AddressesIsAUsageError() {
        assertEquals(2, flood("--addresses", "251"));
        assertTrue(err.toString().contains("--addresses must be 1 to 250"), err.toString());
    }

    @Test
    void noConnectionsIsAUsageError() {
        assertEquals(2, flood("--connections", "0"));
    }

    @Test
    void aUrlOffThisMachineIsRefused() {
        assertEquals(2, flood("--url", "http://auth.example.com:8081"));
        assertTrue(err.toString().contains("--url must be a loopback address"), err.toString());
    }

    @Test
    void theAccountsAndPasswordAreRequired() {
        CommandLine line = new CommandLine(new LoginFloodCommand());
        line.setErr(new PrintWriter(err, true));
        assertEquals(2, line.execute("--victim", "v@flood.example"));
        assertTrue(err.toString().contains("Missing required options"), err.toString());
    }
}
