package dev.cards.bench.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.cards.client.CardsClients;
import dev.cards.client.InMemoryTokenStore;
import dev.cards.client.cards.api.CardsApi;
import dev.cards.client.cards.model.CardRequest;
import dev.cards.client.error.AccessTokenRejectedException;
import dev.cards.client.error.ConflictException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The benchmark's client-expiry scenario: C threads share one signed-in session, as the threads of
 * an application do, and read one card through the refreshing client in a closed loop while its
 * access tokens expire. Prints one JSON line (see {@link ClientExpiryResult}). The only class of
 * the bench that uses the client library.
 */
@Command(name = "client-expiry", mixinStandardHelpOptions = true, description = {
        "Benchmark the client: C threads sharing one session read a card as tokens expire; prints one JSON line.",
        "",
        "After a warm-up, for the measured period: throughput and latency, calls and caller failures, and the "
                + "401s and refresh requests as the client saw them and as the services counted them (their "
                + "/q/metrics; null when unreadable). Start the auth-service with short access tokens (e.g. "
                + "AUTH_ACCESS_TOKEN_LIFETIME=5S) and the cards-service with MP_JWT_VERIFY_CLOCK_SKEW=1 so that "
                + "tokens really expire during the run." })
public class ClientExpiryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--auth", defaultValue = "http://localhost:8081", paramLabel = "URL", description = "auth-service (default: ${DEFAULT-VALUE})")
    URI authUrl;

    @Option(names = "--cards", defaultValue = "http://localhost:8082", paramLabel = "URL", description = "cards-service (default: ${DEFAULT-VALUE})")
    URI cardsUrl;

    @Option(names = { "-c", "--concurrency" }, defaultValue = "16", paramLabel = "C",
            description = "threads calling at once (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--seconds", defaultValue = "20", paramLabel = "S",
            description = "measured period (default: ${DEFAULT-VALUE})")
    long seconds;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "S",
            description = "warm-up before it, not counted (default: ${DEFAULT-VALUE})")
    long warmupSeconds;

    @Option(names = "--email", paramLabel = "E",
            description = "user to sign up or log in (default: a new load-<uuid>@example.com)")
    String email;

    @Option(names = "--no-proactive-refresh",
            description = "refresh only after a 401, so that every expiry reaches the cards-service")
    boolean reactiveOnly;

    @Option(names = "--fixed-header",
            description = "the baseline of the client's own cost: the same generated interface, built without "
                    + "the refresh policy, sending the signed-in access token as it is; nothing refreshes, so "
                    + "use access tokens that outlive the run")
    boolean fixedHeader;

    @Override
    public void run() {
        validate();
        ExchangeCounts counts = new ExchangeCounts();
        CardsClients clients = CardsClients.builder().authUrl(authUrl).cardsUrl(cardsUrl).tokenStore(new InMemoryTokenStore())
                .proactiveRefresh(!reactiveOnly).exchangeListener(counts).build();
        Duration tokenLifetime = signIn(clients);
        String id = clients.cards().createCard(new CardRequest().question("Load question")
                .answer("Load answer").tags(List.of("load"))).getId().toString();
        CardsApi api = fixedHeader ? withFixedHeader(clients) : clients.cards();

        AtomicReference<ServerCounts> before = new AtomicReference<>();
        ClosedLoop.Outcome outcome;
        try {
            outcome = new ClosedLoop(concurrency, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds)).run(
                    () -> api.getCard(id),
                    () -> {
                        before.set(ServerCounts.read(authUrl, cardsUrl));
                        counts.open();
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        counts.close();
        ServerCounts server = ServerCounts.read(authUrl, cardsUrl).since(before.get());

        var err = spec.commandLine().getErr();
        if (!server.complete()) {
            err.println("cards-bench client-expiry: a service's metrics page (/q/metrics) could not be read: its counts are null");
        }
        if (outcome.firstFailure() != null) {
            err.println("cards-bench client-expiry: " + outcome.failures() + " calls failed, the first with: "
                    + outcome.firstFailure());
        }
        err.flush();
        var out = spec.commandLine().getOut();
        out.println(new ClientExpiryResult(concurrency, Duration.ofSeconds(seconds), outcome, counts.cardsRejections(),
                counts.refreshes(), server, tokenLifetime, !reactiveOnly, fixedHeader).json());
        out.flush();
    }

    /** A usage error (exit code 2) for an option out of range, before anything is sent. */
    void validate() {
        if (concurrency < 1 || seconds < 1 || warmupSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--concurrency and --seconds must be at least 1, --warmup at least 0");
        }
    }

    /**
     * The generated interface as {@link CardsClients} builds it (its providers, the same timeouts, the
     * same exchange listener counting for this command), minus the refresh policy: its bearer filter
     * attaches the session's token from memory, which no refresh replaces during the run, so every
     * call carries the same header.
     */
    private static CardsApi withFixedHeader(CardsClients clients) {
        return clients.cardsWithoutRefresh();
    }

    /** Signs up if the user is new, logs in, and returns the access tokens' lifetime. */
    private Duration signIn(CardsClients clients) {
        String user = email != null ? email : "load-" + UUID.randomUUID() + "@example.com";
        // Load-only password: the load user is a throwaway account on a benchmark system.
        char[] password = "load-password-1234".toCharArray();
        try {
            clients.sessions().signup(user, password);
        } catch (ConflictException exists) {
            // signed up by an earlier run: log in
        }
        try {
            return clients.sessions().login(user, password).accessLifetime();
        } catch (AccessTokenRejectedException wrongCredentials) {
            throw new IllegalStateException("wrong password for " + user + ": it was not signed up by client-expiry");
        }
    }
}
