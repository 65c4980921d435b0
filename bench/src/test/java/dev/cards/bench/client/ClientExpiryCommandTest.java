package dev.cards.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Options out of range are usage errors (exit code 2), found before the client is built or anything sent. */
class ClientExpiryCommandTest {

    private final StringWriter err = new StringWriter();

    private int clientExpiry(String... args) {
        CommandLine line = new CommandLine(new ClientExpiryCommand());
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));
        return line.execute(args);
    }

    @Test
    void noThreadsIsAUsageError() {
        assertEquals(2, clientExpiry("--concurrency", "0"));
        assertTrue(err.toString().contains("--concurrency and --seconds must be at least 1"), err.toString());
    }

    @Test
    void anEmptyMeasuredPeriodIsAUsageError() {
        assertEquals(2, clientExpiry("--seconds", "0"));
    }

    @Test
    void aNegativeWarmupIsAUsageError() {
        assertEquals(2, clientExpiry("--warmup", "-5"));
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(2, clientExpiry("--proactive"));
    }
}
