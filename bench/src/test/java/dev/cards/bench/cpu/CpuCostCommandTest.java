package dev.cards.bench.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Usage errors (exit code 2), found before libargon2 is loaded or anything measured; the DPoP proof alone. */
class CpuCostCommandTest {

    private final StringWriter out = new StringWriter();

    private int cpuCost(String... args) {
        CommandLine line = new CommandLine(new CpuCostCommand());
        line.setErr(new PrintWriter(new StringWriter(), true));
        line.setOut(new PrintWriter(out, true));
        return line.execute(args);
    }

    @Test
    void theDpopProofAloneIsOneJsonLineWithItsCpuAndWallTime() {
        assertEquals(0, cpuCost("--dpop"));
        assertTrue(out.toString().strip().matches("\\{\"dpop_proof_ES256_us\":[0-9.]+,\"dpop_proof_ES256_wall_us\":[0-9.]+}"),
                out.toString());
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
