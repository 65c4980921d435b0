package dev.cards.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes results.json, results.md and chart.svg from a results folder's runs, and prints results.md. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render a results folder's runs.jsonl (and the other files bench/run writes) as results.json, results.md and chart.svg.")
public class ReportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", defaultValue = "bench/results", paramLabel = "DIR", description = "results folder (default: ${DEFAULT-VALUE})")
    Path dir;

    @Override
    public void run() {
        if (!Files.isRegularFile(dir.resolve("runs.jsonl"))) {
            throw new ParameterException(spec.commandLine(), "no runs.jsonl in " + dir);
        }
        try {
            Report.Rendered rendered = Report.render(dir);
            Files.writeString(dir.resolve("results.json"), rendered.json());
            Files.writeString(dir.resolve("results.md"), rendered.markdown());
            Files.writeString(dir.resolve("chart.svg"), rendered.svg());
            spec.commandLine().getOut().print(rendered.markdown());
            spec.commandLine().getOut().flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the report in " + dir + ": " + e.getMessage(), e);
        }
    }
}
