package dev.cards.client.cli;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--email", required = true, paramLabel = "E")
    String email;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Override
    public void run() {
        char[] password = passwords.read(passwordStdin, "Password (8 to 128 characters): ");
        var user = cards.clients().sessions().signup(email, password);
        spec.commandLine().getOut().println("Signed up " + user.getEmail() + " (id " + user.getId() + ")");
    }
}
