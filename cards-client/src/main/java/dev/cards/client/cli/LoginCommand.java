package dev.cards.client.cli;

import jakarta.inject.Inject;

import dev.cards.client.error.AccessTokenRejectedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "login", description = "Log in and save the session.")
class LoginCommand implements Runnable {

    @ParentCommand
    CardsCommand cards;
    @Spec
    CommandSpec spec;
    @Inject
    PasswordReader passwords;

    @Option(names = "--email", required = true, paramLabel = "E")
    String email;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Override
    public void run() {
        char[] password = passwords.read(passwordStdin, "Password: ");
        try {
            cards.clients().sessions().login(email, password);
        } catch (AccessTokenRejectedException wrongCredentials) {
            throw new CliFailure(ExitCodes.ERROR, "wrong email or password");
        }
        spec.commandLine().getOut().println("Logged in as " + email.trim().toLowerCase()
                + "; session saved to " + cards.globals.sessionFile);
    }
}
