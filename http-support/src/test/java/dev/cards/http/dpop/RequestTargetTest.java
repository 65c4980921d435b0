package dev.cards.http.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RequestTargetTest {

    private static final RequestTarget TOKEN = new RequestTarget("POST", "auth.example", "/oauth2/token");

    @Test
    void theHtuMatchesByHostCaseInsensitivelyAndWithTheDefaultPortImplied() {
        assertEquals("https://Auth.Example/oauth2/token", TOKEN.matching("https://Auth.Example/oauth2/token").toString());
        assertEquals("https://auth.example:443/oauth2/token", TOKEN.matching("https://auth.example:443/oauth2/token").toString());
        // TLS ends at the proxy: the service sees http, the client called https.
        assertEquals("http://auth.example/oauth2/token", TOKEN.matching("http://auth.example/oauth2/token").toString());
    }

    @Test
    void anotherHostPortPathOrSchemeDoesNotMatch() {
        assertNull(TOKEN.matching("https://auth.example:8443/oauth2/token"));
        assertNull(TOKEN.matching("https://evil.example/oauth2/token"));
        assertNull(TOKEN.matching("https://auth.example/oauth2/revoke"));
        assertNull(TOKEN.matching("https://auth.example/oauth2/token/"));
        assertNull(TOKEN.matching("ftp://auth.example/oauth2/token"));
        assertNull(TOKEN.matching("/oauth2/token"));
        assertNull(TOKEN.matching("not a uri"));
        assertNull(TOKEN.matching(null));
    }

    @Test
    void theMatchLeavesQueryAndFragmentOut() {
        assertEquals("https://auth.example/oauth2/token", TOKEN.matching("https://auth.example/oauth2/token?a=b#c").toString());
    }
}
