package dev.cards.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "show", description = "Show one card.")
class ShowCommand implements Runnable {

    @ParentCommand
    CardsCommand cards;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--json", description = "print the API's card object")
    boolean json;

    @Override
    public void run() {
        var clients = cards.clients();
        var card = clients.cards().getCard(id);
        var out = spec.commandLine().getOut();
        if (json) {
            cards.printJson(out, card);
            return;
        }
        out.println("id:       " + card.getId());
        out.println("question: " + card.getQuestion());
        out.println("answer:   " + card.getAnswer());
        out.println("tags:     " + String.join(", ", card.getTags() == null ? java.util.List.of() : card.getTags()));
        out.println("version:  " + card.getVersion() + "   updated " + card.getUpdatedAt());
    }
}
