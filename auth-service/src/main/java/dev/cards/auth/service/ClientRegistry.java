package dev.cards.auth.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import dev.cards.auth.config.OAuthConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The configured clients, checked once at start, and client authentication (RFC 6749 §2.3):
 * `none` for public clients, a secret (Basic header or form body) for confidential ones.
 */
// Eager: a wrong client configuration must stop start-up, and the password-grant line is logged then.
@Startup
@ApplicationScoped
public class ClientRegistry {

    private static final Logger LOG = Logger.getLogger(ClientRegistry.class);

    /** The grants this server implements, in the order the metadata names them. */
    public static final List<String> GRANT_TYPES = List.of("password", "refresh_token", "client_credentials");

    private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.\\-\\[\\]:]+");

    private final Map<String, RegisteredClient> clients = new TreeMap<>();

    public ClientRegistry(OAuthConfig config) {
        config.clients().forEach((id, client) -> {
            boolean confidential = client.type() == OAuthConfig.ClientType.CONFIDENTIAL;
            if (!confidential && client.secretSha256().isPresent()) {
                throw new IllegalStateException("auth.oauth.clients." + id + ": a public client must not have secret-sha256");
            }
            if (confidential && client.secretSha256().isEmpty()) {
                // Registered by the shipped configuration, its secret left to the operator: nobody can
                // authenticate as it, so it is simply not a client until it has one.
                LOG.infof("auth.oauth.clients.%s: a confidential client without secret-sha256; disabled", id);
                return;
            }
            for (String grant : client.grantTypes()) {
                if (!GRANT_TYPES.contains(grant)) {
                    throw new IllegalStateException("auth.oauth.clients." + id + ".grant-types: unknown grant " + grant);
                }
                if (grant.equals("client_credentials") && !confidential) {
                    // RFC 6749 §4.4: only a client that authenticates may act on its own behalf.
                    throw new IllegalStateException("auth.oauth.clients." + id + ": client_credentials needs a confidential client");
                }
            }
            client.allowedOrigins().orElse(List.of()).forEach(origin -> checkOrigin(id, origin));
            byte[] hash = confidential ? RegisteredClient.parseHash(id, client.secretSha256().get()) : null;
            clients.put(id, new RegisteredClient(id, confidential, hash, Set.copyOf(client.grantTypes()),
                    client.allowedOrigins().orElse(List.of()), client.dpop()));
        });
        if (!clients.containsKey(config.firstPartyClient())) {
            throw new IllegalStateException("auth.oauth.first-party-client " + config.firstPartyClient() + " is not registered");
        }
        List<String> password = passwordGrantClients();
        if (!password.isEmpty()) {
            // RFC 9700 §2.4: the grant MUST NOT be used; say which clients still may, so it is a visible choice.
            LOG.infof("Clients allowed the password grant (grant-types includes password; RFC 9700 §2.4 says it "
                    + "must not be used): %s", String.join(", ", password));
        }
    }

    /** The clients whose configuration opts in to the password grant; none by default. */
    public List<String> passwordGrantClients() {
        return clients.values().stream().filter(c -> c.allows("password")).map(RegisteredClient::id).toList();
    }

    /** The grants at least one registered client may use: what the metadata may truthfully claim (RFC 8414 §2). */
    public List<String> grantTypesInUse() {
        return GRANT_TYPES.stream().filter(g -> clients.values().stream().anyMatch(c -> c.allows(g))).toList();
    }

    /** An origin is compared as a string (RFC 6454 §6.1): only the exact serialized form can ever match. */
    private static void checkOrigin(String clientId, String origin) {
        if (!ORIGIN.matcher(origin).matches()) {
            throw new IllegalStateException("auth.oauth.clients." + clientId + ".allowed-origins: " + origin
                    + " is not an origin (scheme://host[:port], lower case, no path)");
        }
    }

    /** Whether {@code id} is a registered confidential client; the JSON endpoints' client counts as public. */
    public boolean isConfidential(String id) {
        RegisteredClient client = clients.get(id);
        return client != null && client.confidential();
    }

    public Optional<RegisteredClient> find(String id) {
        return Optional.ofNullable(clients.get(id));
    }

    /** The client the credentials prove, or invalid_client (RFC 6749 §5.2). */
    public RegisteredClient authenticate(ClientCredentials credentials) {
        if (credentials.clientId() == null) {
            throw OAuthException.invalidClient("The client is not identified: send client_id or authenticate");
        }
        RegisteredClient client = find(credentials.clientId())
                .orElseThrow(() -> OAuthException.invalidClient("The client is unknown or its credentials are wrong"));
        String secret = credentials.secret() == null || credentials.secret().isEmpty() ? null : credentials.secret();
        if (client.confidential() ? secret == null || !client.secretMatches(secret) : secret != null) {
            // The same words as for an unknown client: no oracle for which client ids exist.
            throw OAuthException.invalidClient("The client is unknown or its credentials are wrong");
        }
        return client;
    }
}
