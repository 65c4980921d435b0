package dev.cards.client.cli;

import jakarta.enterprise.inject.Produces;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import picocli.CommandLine;

/** The application's command line, with the CLI's exit codes. */
public class CommandLineProducer {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return ExitCodes.configure(factory.create());
    }
}
