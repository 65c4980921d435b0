package dev.cards.auth.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.cards.auth.config.AuthConfig;
import dev.cards.auth.persistence.AccountDeletion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The outbox of deleted accounts, as the other services see it: the oldest pending ones, and an
 * acknowledgement that removes one. Only the configured consumers may read it; a consumer
 * acknowledges only after it deleted what it held, so a consumer that is down catches up later.
 */
@ApplicationScoped
@Startup
public class DeletedAccounts {

    private static final Logger LOG = Logger.getLogger(DeletedAccounts.class);

    private static final int PAGE = 100;

    private final Set<String> consumers;

    public DeletedAccounts(AuthConfig config, ClientRegistry clients) {
        this.consumers = Set.copyOf(config.accountDeletion().consumers().orElse(List.of()));
        for (String consumer : consumers) {
            if (clients.find(consumer).filter(c -> c.allows("client_credentials")).isEmpty()) {
                // Nothing is lost (the outbox keeps every deletion), but nothing is carried out either.
                LOG.warnf("Deleted accounts wait for %s, which cannot sign in: register it as a confidential client "
                        + "with the client_credentials grant (auth.oauth.clients.%s.secret-sha256)", consumer, consumer);
            }
        }
    }

    public boolean mayRead(String clientId) {
        return clientId != null && consumers.contains(clientId);
    }

    /** The oldest pending deletions, at most 100. */
    public List<AccountDeletion> pending() {
        return QuarkusTransaction.requiringNew().call(() -> AccountDeletion.oldest(PAGE));
    }

    /** Forgets a deletion its consumer has carried out; unknown ids are fine (a repeated acknowledgement). */
    public void acknowledge(UUID userId) {
        QuarkusTransaction.requiringNew().run(() -> AccountDeletion.deleteById(userId));
    }
}
