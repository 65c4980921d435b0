package dev.cards.client.cli;

import dev.cards.client.CardsClients;
import dev.cards.client.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "whoami", description = "Show the signed-in user, and the DPoP key the session is bound to, if any.")
class WhoamiCommand implements Runnable {

    @ParentCommand
    CardsCommand cards;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CardsClients clients = cards.clients();
        var user = clients.sessions().whoami();
        // The thumbprint (RFC 7638) is public: the cnf.jkt the session's tokens carry.
        String binding = clients.sessions().current().filter(Session::dpopBound)
                .map(s -> "; session bound to DPoP key " + s.dpopKey().thumbprint()).orElse("");
        spec.commandLine().getOut().println(user.getEmail() + " (id " + user.getId() + ")" + binding);
    }
}
