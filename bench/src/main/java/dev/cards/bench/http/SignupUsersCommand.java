package dev.cards.bench.http;

import dev.cards.bench.Unchecked;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Signs the shared accounts up with our auth-service, as bench/keycloak provisions them in Keycloak's realm. */
@Command(name = "signup-users", mixinStandardHelpOptions = true,
        description = "Sign user1..userN@bench.test up with the auth-service (an existing account is fine).")
public class SignupUsersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--auth", defaultValue = "http://localhost:8081", paramLabel = "URL", description = "auth-service (default: ${DEFAULT-VALUE})")
    String auth;

    @Option(names = "--users", required = true, paramLabel = "N", description = "how many accounts")
    int users;

    @Override
    public void run() {
        if (users < 1) {
            throw new ParameterException(spec.commandLine(), "--users must be at least 1");
        }
        Unchecked.run(() -> {
            new HttpScenarios(auth, null, "", users).signUpUsers();
        });
    }
}
