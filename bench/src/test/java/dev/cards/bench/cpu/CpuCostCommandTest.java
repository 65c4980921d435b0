package dev.cards.bench.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Usage errors (exit code 2), found before libargon2 is loaded or anything measured. */
class CpuCostCommandTest {

    private static int cpuCost(String... args) {
        CommandLine line = new CommandLine(new CpuCostCommand());
        line.setErr(new PrintWriter(new StringWriter(), true));
        line.setOut(new PrintWriter(new StringWriter(), true));
        return line.execute(args);
    }

    @Test
    void theHashLimitTakesMemoryAndIterations() {
        assertEquals(2, cpuCost("--hash-limit", "7168"));
    }

    @Test
    void lessThanArgon2sMinimumMemoryIsAUsageError() {
        assertEquals(2, cpuCost("--hash-limit", "4", "2"));
        assertEquals(2, cpuCost("4", "2"));
    }

    @Test
    void noIterationsIsAUsageError() {
        assertEquals(2, cpuCost("19456", "0"));
    }
}
