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
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new CliFailure(ExitCodes.USAGE, "no password on standard input");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new CliFailure(ExitCodes.ERROR, "cannot read standard input: " + e.getMessage());
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new CliFailure(ExitCodes.USAGE, "no console to read the password from: use --password-stdin");
        }
        char[] password = console.readPassword("%s", prompt);
        if (password == null || password.length == 0) {
            throw new CliFailure(ExitCodes.USAGE, "no password given");
        }
        return password;
    }
}
