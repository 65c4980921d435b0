package dev.cards.client.cli;

import java.net.URI;
import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command takes, before or after the command name (scope INHERIT). */
public class GlobalOptions {

    @Option(names = "--auth-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            defaultValue = "${env:CARDS_AUTH_URL:-http://localhost:8081}",
            description = "auth-service base URL (default: ${DEFAULT-VALUE}; env CARDS_AUTH_URL)")
    URI authUrl;

    @Option(names = "--cards-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            defaultValue = "${env:CARDS_CARDS_URL:-http://localhost:8082}",
            description = "cards-service base URL (default: ${DEFAULT-VALUE}; env CARDS_CARDS_URL)")
    URI cardsUrl;

    @Option(names = "--session-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            defaultValue = "${env:CARDS_SESSION_FILE:-${sys:user.home}/.cards/session.json}",
            description = "where the session is kept, mode 0600 (default: ${DEFAULT-VALUE}; env CARDS_SESSION_FILE)")
    Path sessionFile;
}
