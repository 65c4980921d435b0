package dev.cards.deck.accounts;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cards.deck.config.CardsConfig;
import dev.cards.deck.service.CardService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Deletes the cards of deleted accounts. The auth-service keeps every deleted account in an outbox
 * until a consumer acknowledges it; this reads it every {@code cards.account-deletions.interval}
 * with a client-credentials token (RFC 6749 §4.4, client authentication by Basic, §2.3.1), deletes
 * each account's cards, and only then acknowledges. So a deletion made while this service was down
 * is carried out once it is back, and one interrupted half-way is repeated (deleting no cards twice
 * is harmless). No shared database: the services only share HTTP.
 */
@ApplicationScoped
public class DeletedAccountsFeed {

    private static final Logger LOG = Logger.getLogger(DeletedAccountsFeed.class);

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Deletion(@JsonProperty("user_id") UUID userId) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Deletions(List<Deletion> items) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }

    private final CardsConfig.AccountDeletions config;
    private final CardService cards;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    public DeletedAccountsFeed(CardsConfig config, CardService cards, ObjectMapper json) {
        this.config = config.accountDeletions();
        this.cards = cards;
        this.json = json;
        String url = this.config.authUrl();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (this.config.interval().compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException("cards.account-deletions.interval must be at least 1 s");
        }
    }

    /** Off without a client secret: nothing to authenticate with. */
    @Singleton
    public static class Off implements Scheduled.SkipPredicate {
        @Inject
        CardsConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return config.accountDeletions().clientSecret().isEmpty();
        }
    }

    @Scheduled(identity = "account-deletions", every = "${cards.account-deletions.interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Off.class)
    void poll() {
        try {
            int done = catchUp();
            if (done > 0) {
                LOG.infof("Deleted the cards of %d deleted account(s)", done);
            }
        } catch (IOException | RuntimeException e) {
            // The auth-service is down or refuses us: the deletions wait in its outbox for the next round.
            LOG.infof("Deleted accounts not read this round (%s); retrying in %s", e.getMessage(), config.interval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the outbox until it is empty; returns how many accounts' cards were deleted. */
    public int catchUp() throws IOException, InterruptedException {
        int done = 0;
        while (true) {
            List<Deletion> page = json.readValue(send(request("/internal/account-deletions").GET(), 200), Deletions.class).items();
            if (page == null || page.isEmpty()) {
                return done;
            }
            for (Deletion deletion : page) {
                cards.deleteAllOf(deletion.userId().toString());
                send(request("/internal/account-deletions/" + deletion.userId()).DELETE(), 204);
                done++;
            }
        }
    }

    private HttpRequest.Builder request(String path) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token());
    }

    private String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            if (response.statusCode() == 401) {
                tokenExpires = Instant.MIN; // fetched again next time
            }
            throw new IOException(request.build().method() + " " + request.build().uri().getPath() + " answered "
                    + response.statusCode());
        }
        return response.body();
    }

    /** A client-credentials access token, reused until a minute before it expires. */
    private synchronized String token() throws IOException, InterruptedException {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String secret = config.clientSecret().orElseThrow();
        String basic = Base64.getEncoder().encodeToString((form(config.clientId()) + ":" + form(secret))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the token endpoint answered " + response.statusCode());
        }
        Token issued = json.readValue(response.body(), Token.class);
        token = issued.accessToken();
        tokenExpires = Instant.now().plusSeconds(Math.max(0, issued.expiresIn() - 60));
        return token;
    }

    /** RFC 6749 §2.3.1: id and secret are form-encoded before they go into the Basic header. */
    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
