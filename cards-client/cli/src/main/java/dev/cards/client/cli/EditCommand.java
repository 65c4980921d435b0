package dev.cards.client.cli;

import java.util.List;

import dev.cards.client.cards.model.CardRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Changes the given fields and keeps the others. Sent with {@code If-Match} of the version read,
 * so a change made meanwhile elsewhere is not overwritten (412).
 */
@Command(name = "edit", description = "Change a card's question, answer or tags.")
class EditCommand implements Runnable {

    @ParentCommand
    CardsCommand cards;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--question", paramLabel = "Q")
    String question;

    @Option(names = "--answer", paramLabel = "A")
    String answer;

    @Option(names = "--tag", paramLabel = "T", description = "replaces all tags (repeatable)")
    List<String> tags;

    @Override
    public void run() {
        if (question == null && answer == null && tags == null) {
            throw new CliFailure(ExitCodes.USAGE, "nothing to change: give --question, --answer or --tag");
        }
        var clients = cards.clients();
        var current = clients.cards().getCard(id);
        CardRequest request = new CardRequest()
                .question(question != null ? question : current.getQuestion())
                .answer(answer != null ? answer : current.getAnswer())
                .tags(tags != null ? tags : current.getTags());
        String ifMatch = "\"" + current.getVersion() + "\"";
        var updated = clients.cards().updateCard(id, request, ifMatch);
        spec.commandLine().getOut().println("Updated " + updated.getId() + " (version " + updated.getVersion() + ")");
    }
}
