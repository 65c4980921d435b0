package dev.cards.http.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class DpopSettingsTest {

    private static DpopSettings with(List<String> algs, Duration maxAge, Duration skew) {
        return new DpopSettings(algs, maxAge, skew);
    }

    @Test
    void aMaxAgeOfOneSecondIsTheSmallestAccepted() {
        assertEquals(Duration.ofSeconds(1), with(List.of("ES256"), Duration.ofSeconds(1), Duration.ZERO).maxAge());
        assertThrows(IllegalStateException.class, () -> with(List.of("ES256"), Duration.ofMillis(999), Duration.ZERO));
        assertThrows(IllegalStateException.class, () -> with(List.of("ES256"), Duration.ZERO, Duration.ZERO));
    }

    @Test
    void aSkewOfZeroIsNoneAndANegativeOneIsRefused() {
        assertEquals(Duration.ZERO, with(List.of("ES256"), Duration.ofSeconds(60), Duration.ZERO).clockSkew());
        assertThrows(IllegalStateException.class, () -> with(List.of("ES256"), Duration.ofSeconds(60), Duration.ofSeconds(-1)));
    }

    @Test
    void onlyAsymmetricAlgorithmsAndAtLeastOneAreAccepted() {
        assertThrows(IllegalStateException.class, () -> with(List.of(), Duration.ofSeconds(60), Duration.ZERO));
        for (String symmetricOrNone : List.of("HS256", "none", "es256")) {
            assertThrows(IllegalStateException.class, () -> with(List.of(symmetricOrNone), Duration.ofSeconds(60), Duration.ZERO),
                    symmetricOrNone);
        }
        assertEquals("ES256 PS256", with(List.of("ES256", "PS256"), Duration.ofSeconds(60), Duration.ZERO).algsParameter());
    }
}
