package dev.cards.client.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a password from the console (not echoed) or, with --password-stdin, the first line of
 * standard input. Never from an argument: arguments end up in shell history and process lists.
 */
@ApplicationScoped
public class PasswordReader {

    public char[] read(boolean fromStdin, String prompt) {
        return read(fromStdin, new String[] { prompt })[0];
    }

    /**
     * Several passwords: one per prompt on the console, or with --password-stdin one per line of
     * standard input, in the prompts' order.
     */
    public char[][] read(boolean fromStdin, String... prompts) {
        char[][] passwords = new char[prompts.length][];
        if (fromStdin) {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (int i = 0; i < prompts.length; i++) {
                    String line = in.readLine();
                    if (line == null || line.isEmpty()) {
                        throw new CliFailure(ExitCodes.USAGE, prompts.length == 1 ? "no password on standard input"
                                : "expected " + prompts.length + " passwords on standard input, one per line; got " + i);
                    }
                    passwords[i] = line.toCharArray();
                }
                return passwords;
            } catch (IOException e) {
                throw new CliFailure(ExitCodes.ERROR, "cannot read standard input: " + e.getMessage());
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new CliFailure(ExitCodes.USAGE, "no console to read the password from: use --password-stdin");
        }
        for (int i = 0; i < prompts.length; i++) {
            char[] password = console.readPassword("%s", prompts[i]);
            if (password == null || password.length == 0) {
                throw new CliFailure(ExitCodes.USAGE, "no password given");
            }
            passwords[i] = password;
        }
        return passwords;
    }
}
