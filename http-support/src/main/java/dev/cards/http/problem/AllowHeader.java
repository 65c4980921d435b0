package dev.cards.http.problem;

/**
 * The methods a path answers, for the Allow header RFC 9110 §15.5.6 requires on a 405 where the
 * framework's own 405 carries none. A service that knows its paths provides one bean of this type.
 */
public interface AllowHeader {

    /** The Allow header value for {@code path}, or null when the path is not one of the service's. */
    String forPath(String path);
}
