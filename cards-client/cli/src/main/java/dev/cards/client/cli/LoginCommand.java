package dev.cards.client.cli;

import jakarta.inject.Inject;

import dev.cards.client.error.AccessTokenRejectedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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

    @Mixin
    CredentialOptions credentials;

    @Override
    public void run() {
        char[] password = passwords.read(credentials.passwordStdin, "Password: ");
        try {
            cards.clients().sessions().login(credentials.email, password);
        } catch (AccessTokenRejectedException wrongCredentials) {
            throw new CliFailure(ExitCodes.ERROR, "wrong email or password");
        }
        spec.commandLine().getOut().println("Logged in as " + credentials.email.trim().toLowerCase()
                + "; session saved to " + cards.globals.sessionFile);
    }
}
