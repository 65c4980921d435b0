package dev.cards.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "logout", description = "Revoke the session on the server and delete the session file.")
class LogoutCommand implements Runnable {

    @ParentCommand
    CardsCommand cards;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        var clients = cards.clients();
        if (clients.sessions().current().isEmpty()) {
            spec.commandLine().getOut().println("Not signed in; nothing to do.");
            return;
        }
        clients.sessions().logout();
        spec.commandLine().getOut().println("Logged out.");
    }
}
