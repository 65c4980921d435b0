package dev.cards.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "account", description = "Your account.", subcommands = AccountDeleteCommand.class)
class AccountCommand implements Runnable {

    @ParentCommand
    CardsCommand cards;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
