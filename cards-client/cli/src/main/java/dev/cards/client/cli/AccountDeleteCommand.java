package dev.cards.client.cli;

import java.util.Map;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "delete", description = "Delete your account and every card of it, on every device: asks for the "
        + "password, and to type your email (or --yes).")
class AccountDeleteCommand implements Runnable {

    @ParentCommand
    AccountCommand account;
    @Spec
    CommandSpec spec;
    @Inject
    PasswordReader passwords;
    @Inject
    Confirmation confirmation;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Option(names = "--yes", description = "do not ask to type the email (for scripts)")
    boolean yes;

    @Option(names = "--json", description = "print {\"account_deleted\":true}")
    boolean json;

    @Override
    public void run() {
        String refusal = "not confirmed: nothing deleted (type the account's email, or give --yes)";
        if (!yes && !confirmation.possible()) {
            throw new CliFailure(ExitCodes.USAGE, refusal);
        }
        var clients = account.cards.clients();
        if (!yes) {
            String email = clients.sessions().whoami().getEmail();
            confirmation.require("This deletes the account " + email + " and every card of it, on every device. "
                    + "Type the email to confirm: ", email, refusal);
        }
        char[] password = passwords.read(passwordStdin, "Password: ");
        clients.sessions().deleteAccount(password);
        var out = spec.commandLine().getOut();
        if (json) {
            account.cards.printJson(out, Map.of("account_deleted", true));
            return;
        }
        out.println("Account deleted: every session has ended, the cards are being deleted; session file removed.");
    }
}
