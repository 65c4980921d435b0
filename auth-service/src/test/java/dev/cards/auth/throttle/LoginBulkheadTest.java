package dev.cards.auth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cards.auth.crypto.TestConfig;

/** The bound on logins in progress per replica; the edge values 1 and 0. */
class LoginBulkheadTest {

    private static LoginBulkhead withBound(String max) {
        return new LoginBulkhead(TestConfig.with(Map.of("auth.login-limit.max-in-progress", max)));
    }

    @Test
    void aLoginBeyondTheBoundIsRefusedAtOnceAndItsPlaceReturnsWhenOneEnds() {
        LoginBulkhead bulkhead = withBound("1");
        LoginBulkhead.Pass first = bulkhead.enter();
        ThrottledException refused = assertThrows(ThrottledException.class, bulkhead::enter);
        assertEquals(Duration.ofSeconds(1), refused.retryAfter());
        first.close();
        bulkhead.enter().close();
    }

    @Test
    void theDefaultBoundIs32() {
        LoginBulkhead bulkhead = new LoginBulkhead(TestConfig.with(Map.of()));
        for (int i = 0; i < 32; i++) {
            bulkhead.enter();
        }
        assertThrows(ThrottledException.class, bulkhead::enter);
    }

    @Test
    void aBoundOfZeroIsRefusedAtStartUp() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> withBound("0"));
        assertEquals(true, e.getMessage().contains("AUTH_LOGIN_LIMIT_MAX_IN_PROGRESS"), e.getMessage());
    }
}
