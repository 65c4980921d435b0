package dev.cards.client;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The auth-service a session was obtained from: the base URL its login went to, the only one its
 * refresh token may be sent back to. Compared as normalised text: scheme and host in lower case,
 * the default port (80, 443) left out, no trailing slash, no query or fragment.
 */
record Issuer(String url) {

    public Issuer {
        Objects.requireNonNull(url, "url");
    }

    public static Issuer of(URI authUrl) {
        String scheme = authUrl.getScheme() == null ? "" : authUrl.getScheme().toLowerCase(Locale.ROOT);
        // stork://<name> may carry a name that is no host name; keep its authority as written.
        String host = authUrl.getHost() != null ? authUrl.getHost().toLowerCase(Locale.ROOT)
                : Objects.requireNonNullElse(authUrl.getRawAuthority(), "");
        int port = authUrl.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = Objects.requireNonNullElse(authUrl.getRawPath(), "");
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Issuer(scheme + "://" + host + (defaultPort ? "" : ":" + port) + path);
    }

    /** Whether this issuer is on this machine's loopback interface (see {@link LoopbackAddresses}). */
    public boolean isLoopback() {
        return LoopbackAddresses.contains(URI.create(url));
    }

    @Override
    public String toString() {
        return url;
    }
}
