package dev.cards.http.dpop;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.vertx.core.http.HttpServerRequest;

/**
 * The method and URL a request was sent to, as its proof's `htm` and `htu` name them (RFC 9449
 * §4.3). The URL is compared by authority (host case-insensitive, default port implied) and path,
 * without query and fragment (§4.3 item 9); the scheme is not compared, because TLS usually ends at
 * a proxy in front of the service and the service then sees http for an https request.
 */
public record RequestTarget(String method, String authority, String path) {

    public static RequestTarget of(HttpServerRequest request) {
        String host = request.authority() != null ? request.authority().toString() : request.host();
        return new RequestTarget(request.method().name(), normalAuthority(host),
                request.path());
    }

    /**
     * The proof's htu stripped of query and fragment if it names this target, else null. It is
     * what the library compares the claim with, so only a match passes.
     */
    URI matching(String htu) {
        if (htu == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(htu);
        } catch (URISyntaxException e) {
            return null;
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getRawPath() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.equals(this.path) || !normalAuthority(uri.getRawAuthority()).equals(authority)) {
            return null;
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
    }

    /** Lower case, no user info, no default port (either: a proxy may change the scheme, not the URL). */
    private static String normalAuthority(String authority) {
        if (authority == null) {
            return "";
        }
        String a = authority.toLowerCase(Locale.ROOT);
        a = a.substring(a.lastIndexOf('@') + 1);
        if (a.endsWith(":80") || a.endsWith(":443")) {
            a = a.substring(0, a.lastIndexOf(':'));
        }
        return a;
    }
}
