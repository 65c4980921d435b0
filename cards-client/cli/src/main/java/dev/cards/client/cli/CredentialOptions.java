package dev.cards.client.cli;

import picocli.CommandLine.Option;

/** The options signup and login share; never a password option: it is read, not passed. */
class CredentialOptions {

    @Option(names = "--email", required = true, paramLabel = "E")
    String email;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;
}
