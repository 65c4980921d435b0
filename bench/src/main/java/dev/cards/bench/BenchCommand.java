package dev.cards.bench;

import dev.cards.bench.client.ClientExpiryCommand;
import dev.cards.bench.cpu.CpuCostCommand;
import dev.cards.bench.cpu.HotPathsCommand;
import dev.cards.bench.flood.LoginFloodCommand;
import dev.cards.bench.http.LoadCommand;
import dev.cards.bench.http.SignupUsersCommand;
import dev.cards.bench.report.ReportCommand;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cards-bench}: the benchmark's tools, one subcommand each, driven by bench/run and
 * bench/login-flood. Every measuring command prints one JSON line on standard output.
 */
@TopCommand
@Command(name = "cards-bench", mixinStandardHelpOptions = true, version = "cards-bench 1.0",
        description = "The benchmark's tools: load generators, CPU cost, JFR hot paths, the login flood and the report.",
        subcommands = { LoadCommand.class, SignupUsersCommand.class, ClientExpiryCommand.class, CpuCostCommand.class,
                HotPathsCommand.class, LoginFloodCommand.class, ReportCommand.class })
public class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
