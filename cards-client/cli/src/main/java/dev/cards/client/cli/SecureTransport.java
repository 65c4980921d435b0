package dev.cards.client.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;

import org.eclipse.microprofile.config.Config;

import dev.cards.client.LoopbackAddresses;

/**
 * The rule for the service URLs the CLI sends credentials to (passwords, tokens): {@code https://},
 * or {@code http://} to a loopback address only, where nothing leaves the machine (RFC 6749 §3.2 and
 * §10.9: TLS for every request to the token endpoints; RFC 6750 §5.3: bearer tokens only over TLS).
 * A {@code stork://} name passes when its Stork service is a static list with {@code secure=true} or
 * of loopback addresses only; the CLI cannot see where any other kind of discovery leads. Checked
 * before anything is sent.
 */
final class SecureTransport {

    private SecureTransport() {
    }

    /** Refuses {@code url} (exit code 2) unless it is https, loopback http, or a stork:// list of those. */
    static void require(String option, String variable, URI url, Config config) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = switch (scheme) {
            case "https" -> url.getHost() != null;
            case "http" -> LoopbackAddresses.contains(url);
            case "stork" -> secureStorkList(url, config);
            default -> false;
        };
        if (!allowed) {
            String stork = scheme.equals("stork")
                    ? "; a stork:// service must be a static address-list with secure=true or of loopback addresses"
                    : "";
            throw new CliFailure(ExitCodes.USAGE, option + " " + url + " (or " + variable + "): use https://, or http:// "
                    + "to this machine only (localhost, 127.0.0.0/8, [::1]): passwords and tokens are sent only over "
                    + "TLS (RFC 6749 §10.9, RFC 6750 §5.3)" + stork);
        }
    }

    private static boolean secureStorkList(URI url, Config config) {
        String name = url.getHost() != null ? url.getHost() : url.getAuthority();
        if (name == null) {
            return false;
        }
        String prefix = "quarkus.stork." + name + ".service-discovery.";
        if (!config.getOptionalValue(prefix + "type", String.class).orElse("").equals("static")) {
            return false;
        }
        if (config.getOptionalValue(prefix + "secure", Boolean.class).orElse(false)) {
            return true;
        }
        String[] addresses = config.getOptionalValue(prefix + "address-list", String.class).orElse("").split(",");
        return Arrays.stream(addresses).map(String::trim).allMatch(SecureTransport::isLoopbackAddress);
    }

    private static boolean isLoopbackAddress(String hostAndPort) {
        try {
            return !hostAndPort.isEmpty() && LoopbackAddresses.contains(new URI("http://" + hostAndPort));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
