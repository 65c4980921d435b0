package dev.cards.bench.http;

import dev.cards.bench.Unchecked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The raw-HTTP load generator (JDK HttpClient, no client library): C workers in a closed loop for
 * a warm-up and then a measured period. Prints one JSON line (see {@link LoadResult}).
 */
@Command(name = "load", mixinStandardHelpOptions = true, description = {
        "Closed-loop load over raw HTTP: C workers, each sending its next request when the previous one answered; "
                + "prints one JSON line.",
        "",
        "Scenarios: login, refresh, cards-read, cards-write against our services; kc-login, kc-refresh against "
                + "Keycloak's token endpoint (realm bench, public client bench-client, password grant). With --users N, "
                + "login and refresh use the shared accounts user1..userN@bench.test (see signup-users), otherwise "
                + "a fresh account per worker. --watch reports each process tree's CPU over the measured period.",
        "",
        "With DPoP (RFC 9449), each worker with a P-256 key of its own and a proof per request: refresh-dpop and "
                + "cards-read-dpop on a session bound to the key at login (the nonce round first), kc-refresh-dpop on "
                + "Keycloak's public client bench-client-dpop, which requires DPoP." })
public class LoadCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "login, refresh, cards-read, cards-write, kc-login, kc-refresh, refresh-dpop, cards-read-dpop or kc-refresh-dpop")
    String scenario;

    @Option(names = "--auth", defaultValue = "http://localhost:8081", paramLabel = "URL", description = "auth-service (default: ${DEFAULT-VALUE})")
    String auth;

    @Option(names = "--cards", defaultValue = "http://localhost:8082", paramLabel = "URL", description = "cards-service (default: ${DEFAULT-VALUE})")
    String cards;

    @Option(names = "--keycloak", defaultValue = "http://127.0.0.1:18080", paramLabel = "URL", description = "Keycloak (default: ${DEFAULT-VALUE})")
    String keycloak;

    @Option(names = { "-c", "--concurrency" }, defaultValue = "8", paramLabel = "C", description = "workers (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--seconds", defaultValue = "20", paramLabel = "S", description = "measured period (default: ${DEFAULT-VALUE})")
    long seconds;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "S", description = "warm-up before it, not measured (default: ${DEFAULT-VALUE})")
    long warmupSeconds;

    @Option(names = "--users", defaultValue = "0", paramLabel = "N", description = "shared accounts; 0: one new account per worker (default: ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--watch", defaultValue = "", paramLabel = "name=pid,...", description = "process trees whose CPU to report")
    String watch;

    @Override
    public void run() {
        Scenario chosen = validated();
        Map<String, Long> roots;
        try {
            roots = CpuWatch.parse(watch);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        HttpScenarios scenarios = new HttpScenarios(auth, cards, keycloak, users);
        Unchecked.run(() -> {
            List<HttpScenarios.Step> steps = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                steps.add(scenarios.worker(chosen, w));
            }
            CpuWatch cpu = new CpuWatch(roots);
            TimedLoop.Outcome outcome = TimedLoop.run(steps, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds), cpu);
            spec.commandLine().getOut().println(new LoadResult(chosen.label(), concurrency, Duration.ofSeconds(seconds),
                    outcome.latenciesMicros(), outcome.errors(), cpu.seconds()).json());
            spec.commandLine().getOut().flush();
        });
    }

    /** The scenario, once every option is in range; a usage error (exit code 2) otherwise, before anything is sent. */
    Scenario validated() {
        Scenario chosen;
        try {
            chosen = Scenario.of(scenario);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (concurrency < 1 || seconds < 1 || warmupSeconds < 0 || users < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--concurrency and --seconds must be at least 1, --warmup and --users at least 0");
        }
        if (chosen.keycloak() && users < 1) {
            throw new ParameterException(spec.commandLine(), chosen.label() + " needs --users N: Keycloak's realm holds only the shared accounts");
        }
        return chosen;
    }
}
