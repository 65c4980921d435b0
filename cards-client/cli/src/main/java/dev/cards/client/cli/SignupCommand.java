package dev.cards.client.cli;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "signup", description = "Create an account.")
class SignupCommand implements Runnable {

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
        char[] password = passwords.read(credentials.passwordStdin, "Password (8 to 128 characters): ");
        var user = cards.clients().sessions().signup(credentials.email, password);
        spec.commandLine().getOut().println("Signed up " + user.getEmail() + " (id " + user.getId() + ")");
    }
}
