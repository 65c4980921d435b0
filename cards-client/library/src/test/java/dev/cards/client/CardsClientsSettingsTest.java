package dev.cards.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

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
    void dpopIsAutoByDefaultTakesEachModeAndRefusesNone() {
        assertEquals(DPoPMode.AUTO, CardsClients.builder().build().dpop());
        for (DPoPMode mode : DPoPMode.values()) {
            assertEquals(mode, CardsClients.builder().dpop(mode).build().dpop());
        }
        assertTrue(refused(b -> b.dpop(null)).getMessage().contains("cards.client.dpop"));
    }

    private static CardsClientConfig config(Map<String, String> properties) {
        // Quarkus's duration syntax ("30S") as in an application; the rest is SmallRye's own conversion.
        return new SmallRyeConfigBuilder().withMapping(CardsClientConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build()
                .getConfigMapping(CardsClientConfig.class);
    }

    @Test
    void theDpopKeyReadsItsThreeValuesInAnyCaseDefaultsToAutoAndRefusesOthers() {
        assertEquals(DPoPMode.AUTO, config(Map.of()).dpop());
        assertEquals(DPoPMode.ON, config(Map.of("cards.client.dpop", "on")).dpop());
        assertEquals(DPoPMode.OFF, config(Map.of("cards.client.dpop", "OFF")).dpop());
        assertEquals(DPoPMode.AUTO, config(Map.of("cards.client.dpop", "Auto")).dpop());
        assertThrows(RuntimeException.class, () -> config(Map.of("cards.client.dpop", "true")));
        assertThrows(RuntimeException.class, () -> config(Map.of("cards.client.dpop", "")).dpop());
    }

    @Test
    void theDefaultsBuild() {
        assertDoesNotThrow(() -> CardsClients.builder().build());
    }
}
