package dev.cards.client.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import picocli.CommandLine;

/** Runs the CLI in-process, as the packaged application would, capturing output and exit code. */
final class CliRunner {

    record Result(int exitCode, String out, String err) {
    }

    private final PicocliCommandLineFactory factory;

    CliRunner(PicocliCommandLineFactory factory) {
        this.factory = factory;
    }

    Result withStdin(String stdin, String... args) {
        CommandLine cli = ExitCodes.configure(factory.create());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = cli.execute(args);
            return new Result(code, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    Result run(String... args) {
        return withStdin("", args);
    }
}
