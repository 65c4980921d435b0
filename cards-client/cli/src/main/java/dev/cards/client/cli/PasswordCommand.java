package dev.cards.client.cli;

import java.util.Arrays;
import java.util.Map;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "password", description = "Change your password; every other session ends, this one stays.")
class PasswordCommand implements Runnable {

    @ParentCommand
    CardsCommand cards;
    @Spec
    CommandSpec spec;
    @Inject
    PasswordReader passwords;

    @Option(names = "--password-stdin", description = "read the current password from the first line of standard "
            + "input and the new one from the second")
    boolean passwordStdin;

    @Option(names = "--json", description = "print {\"password_changed\":true}")
    boolean json;

    @Override
    public void run() {
        char[][] read = passwordStdin ? passwords.read(true, "current", "new")
                : passwords.read(false, "Current password: ", "New password (8 to 128 characters): ",
                        "New password again: ");
        if (!passwordStdin && !Arrays.equals(read[1], read[2])) {
            throw new CliFailure(ExitCodes.USAGE, "the new passwords differ; nothing changed");
        }
        cards.clients().sessions().changePassword(read[0], read[1]);
        var out = spec.commandLine().getOut();
        if (json) {
            cards.printJson(out, Map.of("password_changed", true));
            return;
        }
        out.println("Password changed; every other session has ended.");
    }
}
