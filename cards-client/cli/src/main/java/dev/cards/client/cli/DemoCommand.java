package dev.cards.client.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.cards.client.CardsClients;
import dev.cards.client.InMemoryTokenStore;
import dev.cards.client.Session;
import dev.cards.client.cards.model.CardRequest;
import dev.cards.client.error.ConflictException;
import dev.cards.client.error.SessionExpiredException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Runs the whole story against running services and prints the HTTP timeline. Uses its own
 * in-memory session (the session file is not touched). Needs short-lived access tokens, e.g. the
 * auth-service started with AUTH_ACCESS_TOKEN_LIFETIME=3S and the cards-service with
 * MP_JWT_VERIFY_CLOCK_SKEW=1 (an expired token is accepted for the skew; 0 means none).
 */
@Command(name = "demo", description = "Show refresh-on-401, proactive refresh and single flight against running services.")
class DemoCommand implements Runnable {

    static final int PARALLEL = 32;

    @ParentCommand
    CardsCommand cards;
    @Spec
    CommandSpec spec;

    @Option(names = "--email", defaultValue = "demo@example.com", paramLabel = "E",
            description = "demo user (default: ${DEFAULT-VALUE})")
    String email;

    @Option(names = "--max-wait", defaultValue = "60", paramLabel = "SECONDS",
            description = "give up when access tokens live longer than this (default: ${DEFAULT-VALUE})")
    long maxWaitSeconds;

    @Option(names = "--server-skew", defaultValue = "1", paramLabel = "SECONDS",
            description = "the cards-service's clock skew (mp.jwt.verify.clock.skew), waited out after expiry")
    long serverSkewSeconds;

    private Timeline timeline;
    private InMemoryTokenStore store;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        timeline = new Timeline(out);
        store = new InMemoryTokenStore();
        CardsClients proactive = clients(true);
        CardsClients reactive = clients(false);
        // Demo-only password: the demo user is a throwaway account on a local system.
        char[] password = "demo-password-1234".toCharArray();

        timeline.step("1. sign up (or log in) " + email);
        try {
            proactive.sessions().signup(email, password);
        } catch (ConflictException exists) {
            timeline.note("(the demo user exists already)");
        }
        Session session = proactive.sessions().login(email, password);
        Duration lifetime = session.accessLifetime();
        timeline.note("access token lives " + lifetime.toSeconds() + " s");
        if (lifetime.toSeconds() > maxWaitSeconds) {
            throw new CliFailure(ExitCodes.ERROR, "access tokens live " + lifetime.toSeconds() + " s: start the "
                    + "auth-service with AUTH_ACCESS_TOKEN_LIFETIME=3S (or pass --max-wait)");
        }

        timeline.step("2. add three cards");
        for (int i = 1; i <= 3; i++) {
            int n = i;
            proactive.cards().createCard(new CardRequest().question("Demo question " + n)
                    .answer("Demo answer " + n).tags(List.of("demo")));
        }

        waitForExpiry("3. wait for the access token to expire");
        timeline.step("4. list with proactive refresh OFF (the seed's path: 401, refresh, retry)");
        reactive.cards().listCards(0, 5);

        waitForExpiry("5. wait for expiry again");
        timeline.step("6. list with proactive refresh ON (refreshed before sending: no 401)");
        proactive.cards().listCards(0, 5);

        waitForExpiry("7. wait for expiry again");
        timeline.step("8. " + PARALLEL + " parallel lists after expiry, proactive refresh off");
        int refreshesBefore = timeline.refreshes.get();
        int rejectedBefore = timeline.unauthorized.get();
        parallelLists(reactive);
        timeline.note(PARALLEL + " calls: " + (timeline.unauthorized.get() - rejectedBefore) + " x 401, "
                + (timeline.refreshes.get() - refreshesBefore) + " refresh request(s), all " + PARALLEL + " answered 200");

        timeline.step("9. log out (the server revokes the session)");
        Session beforeLogout = store.load().orElseThrow();
        proactive.sessions().logout();

        timeline.step("10. a client still holding the old tokens tries to refresh them");
        // Its access token stays valid until it expires (by design; how long depends on the
        // cards-service's clock skew), so ask for a refresh right away rather than wait for a 401.
        store.save(beforeLogout);
        boolean expired = false;
        try {
            reactive.sessions().refresh();
            timeline.note("unexpected: the refresh succeeded");
        } catch (SessionExpiredException e) {
            expired = true;
            timeline.note("session expired: the refresh token was revoked; the client must log in again");
        }

        out.println();
        out.printf("summary: %d requests, %d rejected with 401, %d refresh requests, %d retries, "
                + "%d session expired%n", timeline.requests.get(), timeline.unauthorized.get(),
                timeline.refreshes.get(), proactive.retries() + reactive.retries(), expired ? 1 : 0);
        if (!expired) {
            throw new CliFailure(ExitCodes.ERROR, "the call after logout did not end the session");
        }
    }

    private CardsClients clients(boolean proactiveRefresh) {
        return cards.clientsBuilder().tokenStore(store).proactiveRefresh(proactiveRefresh).exchangeListener(timeline)
                .build();
    }

    private void parallelLists(CardsClients clients) {
        timeline.quiet = true;
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<CompletableFuture<Object>> calls = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> clients.cards().listCards(0, 5),
                        pool));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
            timeline.quiet = false;
        }
    }

    private void waitForExpiry(String title) {
        timeline.step(title);
        waitUntil(store.load().orElseThrow().accessExpiresAt());
    }

    private void waitUntil(Instant expiry) {
        // The service's exp is whole seconds and at most our computed expiry; add a little margin.
        Instant until = expiry.plusMillis(300).plusSeconds(serverSkewSeconds);
        long millis = Duration.between(Instant.now(), until).toMillis();
        if (millis > 0) {
            timeline.note("sleeping " + millis + " ms");
            try {
                TimeUnit.MILLISECONDS.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure(ExitCodes.ERROR, "interrupted");
            }
        }
    }
}
