package dev.cards.bench.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jdk.jfr.Recording;
import picocli.CommandLine;

class HotPathsCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int hotPaths(String... args) {
        CommandLine line = new CommandLine(new HotPathsCommand());
        line.setErr(new PrintWriter(new StringWriter(), true));
        line.setOut(new PrintWriter(out, true));
        return line.execute(args);
    }

    @Test
    void aPatternIsRequired() {
        assertEquals(2, hotPaths(dir.resolve("r.jfr").toString()));
    }

    @Test
    void aPatternWithoutANameIsAUsageError() {
        assertEquals(2, hotPaths(dir.resolve("r.jfr").toString(), "org\\.postgresql\\."));
    }

    @Test
    void readsTheExecutionSamplesOfARecordingWithoutCpuTimeSamples() throws Exception {
        Path file = dir.resolve("empty.jfr");
        try (Recording recording = new Recording()) { // no sampler enabled: a recording without samples
            recording.start();
            recording.stop();
            recording.dump(file);
        }

        assertEquals(0, hotPaths(file.toString(), "database=org\\.postgresql\\."));
        assertTrue(out.toString().startsWith("{\"sampler\":\"jdk.ExecutionSample\",\"samples\":0,\"database_share\":NaN"), out.toString());
    }
}
