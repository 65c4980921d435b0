package dev.cards.client.cli;

import java.io.Console;

import jakarta.enterprise.context.ApplicationScoped;

/** Asks the user, on the console, to type a word before something that cannot be undone. */
@ApplicationScoped
public class Confirmation {

    /** Whether there is a console to ask on (a script, or standard input from a pipe, has none). */
    public boolean possible() {
        return System.console() != null;
    }

    /** Asks for {@code expected}, echoed; anything else (or nothing) refuses, with {@code refusal}. */
    public void require(String prompt, String expected, String refusal) {
        Console console = System.console();
        if (console == null) {
            throw new CliFailure(ExitCodes.USAGE, refusal);
        }
        String typed = console.readLine("%s", prompt);
        if (typed == null || !typed.trim().equalsIgnoreCase(expected)) {
            throw new CliFailure(ExitCodes.ERROR, refusal);
        }
    }
}
