package dev.cards.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/** The edge values of the client's settings: 0 is refused where it would silently mean "no limit". */
class CardsClientsSettingsTest {

    private static IllegalArgumentException refused(UnaryOperator<CardsClients.Builder> setting) {
        return assertThrows(IllegalArgumentException.class, () -> setting.apply(CardsClients.builder()).build());
    }

    @Test
    void aTimeoutOrDeadlineOfZeroIsRefusedRatherThanReadAsNoLimit() {
        assertTrue(refused(b -> b.connectTimeout(Duration.ZERO)).getMessage().contains("cards.client.connect-timeout"));
        assertTrue(refused(b -> b.readTimeout(Duration.ZERO)).getMessage().contains("cards.client.read-timeout"));
        assertTrue(refused(b -> b.callDeadline(Duration.ZERO)).getMessage().contains("cards.client.call-deadline"));
    }

    @Test
    void aTimeoutBelowOneMillisecondIsRefusedSinceItWouldReachVertxAsZero() {
        refused(b -> b.readTimeout(Duration.ofNanos(999_999)));
        refused(b -> b.connectTimeout(Duration.ofNanos(1)));
    }

    @Test
    void negativeTimeoutsDeadlinesAndSkewsAreRefused() {
        refused(b -> b.connectTimeout(Duration.ofMillis(-1)));
        refused(b -> b.readTimeout(Duration.ofSeconds(-1)));
        refused(b -> b.callDeadline(Duration.ofSeconds(-30)));
        assertTrue(refused(b -> b.refreshSkew(Duration.ofSeconds(-1))).getMessage().contains("cards.client.refresh-skew"));
    }

    @Test
    void theSmallestPositiveValuesAndAZeroSkewAreAccepted() {
        assertDoesNotThrow(() -> CardsClients.builder().connectTimeout(Duration.ofMillis(1)).readTimeout(Duration.ofMillis(1))
                .callDeadline(Duration.ofMillis(1)).refreshSkew(Duration.ZERO).build());
    }

    @Test
    void theDefaultsBuild() {
        assertDoesNotThrow(() -> CardsClients.builder().build());
    }
}
