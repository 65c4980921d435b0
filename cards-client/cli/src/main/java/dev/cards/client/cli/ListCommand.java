package dev.cards.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List your cards, newest first.")
class ListCommand implements Runnable {

    @ParentCommand
    CardsCommand cards;
    @Spec
    CommandSpec spec;

    @Option(names = "--page", defaultValue = "0", paramLabel = "N", description = "zero-based page (default: 0)")
    int page;

    @Option(names = "--size", defaultValue = "20", paramLabel = "N", description = "cards per page, 1 to 100 (default: 20)")
    int size;

    @Option(names = "--json", description = "print the API's page object")
    boolean json;

    @Override
    public void run() {
        var clients = cards.clients();
        var result = clients.cards().listCards(page, size);
        var out = spec.commandLine().getOut();
        if (json) {
            cards.printJson(out, result);
            return;
        }
        for (var card : result.getItems()) {
            out.println(card.getId() + "  " + CardText.oneLine(card.getQuestion()) + CardText.tags(card.getTags()));
        }
        long pages = Math.max(1, (result.getTotal() + result.getSize() - 1) / result.getSize());
        out.println("page " + result.getPage() + " of " + pages + " (0-based), " + result.getTotal() + " cards in all");
    }
}
