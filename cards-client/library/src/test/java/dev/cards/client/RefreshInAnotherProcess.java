package dev.cards.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Run by {@link FileTokenStoreTest} as a separate JVM: refreshes the session in a file once. */
public final class RefreshInAnotherProcess {

    private RefreshInAnotherProcess() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        RefreshEndpoint endpoint = refresh -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(args[1]))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"" + refresh + "\"}"))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                JsonNode json = new ObjectMapper().readTree(response.body());
                return new IssuedTokens(json.get("access_token").asText(), json.get("refresh_token").asText(),
                        json.get("expires_in").asLong(), json.get("refresh_expires_in").asLong());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var pool = Executors.newSingleThreadExecutor();
        SessionRefresher refresher = new SessionRefresher(new FileTokenStore(Path.of(args[0])), endpoint, FileTokenStoreTest.ISSUER,
                Clock.systemUTC(), null, true, Duration.ofSeconds(20), pool);
        System.out.println(refresher.refresh("access-0").accessToken());
        pool.shutdown();
    }
}
