package dev.cards.client.cli;

import java.util.ArrayList;
import java.util.List;

import dev.cards.client.cards.model.CardRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "add", description = "Add a card.")
class AddCommand implements Runnable {

    @ParentCommand
    CardsCommand cards;
    @Spec
    CommandSpec spec;

    @Option(names = "--question", required = true, paramLabel = "Q")
    String question;

    @Option(names = "--answer", required = true, paramLabel = "A")
    String answer;

    @Option(names = "--tag", paramLabel = "T", description = "a tag (repeatable)")
    List<String> tags = new ArrayList<>();

    @Option(names = "--json", description = "print the API's card object")
    boolean json;

    @Override
    public void run() {
        var clients = cards.clients();
        CardRequest request = new CardRequest().question(question).answer(answer).tags(tags);
        var card = clients.cards().createCard(request);
        if (json) {
            cards.printJson(spec.commandLine().getOut(), card);
        } else {
            spec.commandLine().getOut().println("Added " + card.getId());
        }
    }
}
