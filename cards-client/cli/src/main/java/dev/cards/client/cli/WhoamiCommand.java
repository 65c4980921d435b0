package dev.cards.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "whoami", description = "Show the signed-in user.")
class WhoamiCommand implements Runnable {

    @ParentCommand
    CardsCommand cards;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        var user = cards.clients().sessions().whoami();
        spec.commandLine().getOut().println(user.getEmail() + " (id " + user.getId() + ")");
    }
}
