package dev.cards.client.cli;

import java.io.PrintWriter;

import org.eclipse.microprofile.config.Config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cards.client.CardsClients;
import dev.cards.client.ExchangeListener;
import dev.cards.client.FileTokenStore;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cards}: flash cards from the command line, signed in through a shared session file. */
@TopCommand
@Command(name = "cards", mixinStandardHelpOptions = true, version = "cards 1.0",
        description = "Flash cards on the cards-service, signed in through the auth-service.",
        subcommands = { SignupCommand.class, LoginCommand.class, LogoutCommand.class, WhoamiCommand.class,
                ListCommand.class, ShowCommand.class, AddCommand.class, EditCommand.class, DeleteCommand.class,
                SessionsCommand.class, PasswordCommand.class, AccountCommand.class, DemoCommand.class },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:success", "1:error (wrong credentials, unreachable service, ...)",
                "2:usage (including a refused URL: plain http to another host)",
                "3:not signed in, session expired, or a session of another auth-service" })
public class CardsCommand implements Runnable {

    @Mixin
    GlobalOptions globals;

    @Spec
    CommandSpec spec;

    @Inject
    ObjectMapper json;
    @Inject
    Config config;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * A builder on the two service URLs, once both passed {@link SecureTransport}: every command
     * that talks to a service starts here, so a refused URL is refused before anything is sent.
     */
    CardsClients.Builder clientsBuilder() {
        SecureTransport.require("--auth-url", "CARDS_AUTH_URL", globals.authUrl, config);
        SecureTransport.require("--cards-url", "CARDS_CARDS_URL", globals.cardsUrl, config);
        return CardsClients.builder().authUrl(globals.authUrl).cardsUrl(globals.cardsUrl);
    }

    /** Clients on the session file, optionally reporting every exchange. */
    CardsClients clients(ExchangeListener listener) {
        return clientsBuilder().tokenStore(new FileTokenStore(globals.sessionFile)).exchangeListener(listener).build();
    }

    CardsClients clients() {
        return clients(null);
    }

    /** Prints the API's JSON for a response object. */
    void printJson(PrintWriter out, Object value) {
        try {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new CliFailure(ExitCodes.ERROR, "cannot print JSON: " + e.getOriginalMessage());
        }
    }
}
