package dev.cards.client.cli;

import dev.cards.client.error.AccessTokenRejectedException;
import dev.cards.client.error.ApiException;
import dev.cards.client.error.CardsClientException;
import dev.cards.client.error.NotSignedInException;
import dev.cards.client.error.RateLimitedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Exit codes: 0 success, 1 error, 2 usage (or a refused URL), 3 not signed in, session expired or of another auth-service. */
public final class ExitCodes implements IExecutionExceptionHandler {

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    public static final int NOT_SIGNED_IN = 3;

    /** Applies the exit codes and error handling to a command line (the app's and the tests'). */
    public static CommandLine configure(CommandLine commandLine) {
        return commandLine.setExecutionExceptionHandler(new ExitCodes())
                .setExitCodeExceptionMapper(ExitCodes::exitCodeOf);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println("cards: " + messageOf(e));
        commandLine.getErr().flush();
        return exitCodeOf(e);
    }

    static int exitCodeOf(Throwable e) {
        if (e instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (e instanceof CliFailure f) {
            return f.exitCode();
        }
        if (e instanceof NotSignedInException || e instanceof AccessTokenRejectedException) {
            return NOT_SIGNED_IN; // a 401 that survived the refresh-and-retry: the session is not usable
        }
        return ERROR;
    }

    static String messageOf(Throwable e) {
        if (e instanceof NotSignedInException) {
            return e.getMessage() + " (cards login --email ...)";
        }
        if (e instanceof RateLimitedException limited && limited.retryAfter().isPresent()) {
            return limited.problem().summary() + " (HTTP 429; retry in " + limited.retryAfter().get().toSeconds() + " s)";
        }
        if (e instanceof ApiException api) {
            return api.problem().summary() + " (HTTP " + api.status() + ")";
        }
        if (e instanceof CardsClientException || e instanceof CliFailure) {
            return e.getMessage();
        }
        return e.toString();
    }
}
