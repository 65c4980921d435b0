package dev.cards.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int report(String... args) {
        CommandLine line = new CommandLine(new ReportCommand());
        line.setErr(new PrintWriter(new StringWriter(), true));
        line.setOut(new PrintWriter(out, true));
        return line.execute(args);
    }

    @Test
    void aFolderWithoutRunsIsAUsageError() {
        assertEquals(2, report(dir.toString()));
    }

    @Test
    void writesTheThreeFilesAndPrintsTheMarkdown() throws Exception {
        Files.writeString(dir.resolve("runs.jsonl"),
                "{\"ops_per_s\":10.0,\"p50_ms\":1.0,\"p99_ms\":2.0,\"errors\":0,\"label\":\"login (C=4)\",\"run\":1}\n");

        assertEquals(0, report(dir.toString()));

        assertEquals(Files.readString(dir.resolve("results.md")), out.toString());
        assertTrue(out.toString().contains("| login (C=4) | 1 | 10 | 1.0 | 2.0 | 0 | n/a |"), out.toString());
        assertTrue(Files.readString(dir.resolve("results.json")).startsWith("{\"scenarios\":[{\"label\":\"login (C=4)\""));
        assertTrue(Files.readString(dir.resolve("chart.svg")).startsWith("<svg"));
    }
}
