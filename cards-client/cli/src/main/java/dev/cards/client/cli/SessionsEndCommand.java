package dev.cards.client.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "end", description = "End one of your sessions at once (its next refresh fails); "
        + "ending this one logs out here and deletes the session file.")
class SessionsEndCommand implements Runnable {

    @ParentCommand
    SessionsCommand sessions;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the session's id, from 'cards sessions'")
    String id;

    @Option(names = "--json", description = "print {\"id\":...,\"ended\":true,\"signed_out\":...}")
    boolean json;

    @Override
    public void run() {
        var clients = sessions.cards.clients();
        clients.sessions().endSession(id);
        boolean signedOut = clients.sessions().current().isEmpty();
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", id);
            result.put("ended", true);
            result.put("signed_out", signedOut);
            sessions.cards.printJson(out, result);
            return;
        }
        out.println(signedOut ? "Ended session " + id + ", this one: logged out." : "Ended session " + id + ".");
    }
}
