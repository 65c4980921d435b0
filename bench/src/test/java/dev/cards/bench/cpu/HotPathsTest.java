package dev.cards.bench.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class HotPathsTest {

    private final HotPaths hotPaths = new HotPaths(HotPaths.parse(List.of(
            "signing=org\\.jose4j\\.", "database=org\\.postgresql\\.")));

    @Test
    void aMatchAnywhereOnTheStackCountsOncePerSample() {
        hotPaths.sample(List.of("org.jose4j.jws.JsonWebSignature.sign", "org.jose4j.jws.Base.sign", "dev.cards.auth.Resource.refresh"));
        hotPaths.sample(List.of("java.lang.Thread.run"));

        assertEquals("{\"sampler\":\"jdk.CPUTimeSample\",\"samples\":2,\"signing_share\":0.5000,\"signing_own\":0.5000,"
                + "\"database_share\":0.0000,\"database_own\":0.0000}", hotPaths.json("jdk.CPUTimeSample"));
    }

    @Test
    void ownCountsOnlyWhereTheCodeIsTheInnermostFrameOutsideTheJdk() {
        // The driver called into the JDK (own: counts); the service called the driver (not the service's own).
        hotPaths.sample(List.of("java.net.SocketInputStream.read", "org.postgresql.core.PGStream.receive", "dev.cards.Service.find"));
        hotPaths.sample(List.of("dev.cards.Service.map", "org.postgresql.jdbc.PgResultSet.next"));

        assertEquals("{\"sampler\":\"jdk.ExecutionSample\",\"samples\":2,\"signing_share\":0.0000,\"signing_own\":0.0000,"
                + "\"database_share\":1.0000,\"database_own\":0.5000}", hotPaths.json("jdk.ExecutionSample"));
    }

    @Test
    void aRecordingWithoutSamplesHasNoShares() {
        assertEquals("{\"sampler\":\"jdk.ExecutionSample\",\"samples\":0,\"signing_share\":NaN,\"signing_own\":NaN,"
                + "\"database_share\":NaN,\"database_own\":NaN}", hotPaths.json("jdk.ExecutionSample"));
    }

    @Test
    void aPatternNeedsANameTheReportCanRead() {
        assertThrows(IllegalArgumentException.class, () -> HotPaths.parse(List.of("org\\.postgresql\\.")));
        assertThrows(IllegalArgumentException.class, () -> HotPaths.parse(List.of("Database=org")));
        assertThrows(IllegalArgumentException.class, () -> HotPaths.parse(List.of("=org")));
    }

    @Test
    void anInvalidRegexIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HotPaths.parse(List.of("broken=org.(postgresql")));
    }
}
