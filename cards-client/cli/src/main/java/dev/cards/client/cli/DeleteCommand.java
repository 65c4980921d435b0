package dev.cards.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "delete", description = "Delete a card.")
class DeleteCommand implements Runnable {

    @ParentCommand
    CardsCommand cards;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public void run() {
        var clients = cards.clients();
        try (var response = clients.cards().deleteCard(id)) {
            response.getStatus();
        }
        spec.commandLine().getOut().println("Deleted " + id);
    }
}
