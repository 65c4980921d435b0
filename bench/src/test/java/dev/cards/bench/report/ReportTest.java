package dev.cards.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path dir;

    private Report.Rendered render(String... runs) throws Exception {
        Files.writeString(dir.resolve("runs.jsonl"), String.join("\n", runs) + "\n");
        return Report.render(dir);
    }

    private static String pair(String server, double ops, int round) {
        return "{\"scenario\":\"refresh\",\"concurrency\":8,\"seconds\":20.0,\"requests\":1,\"errors\":0,\"ops_per_s\":" + ops
                + ",\"p50_ms\":1.00,\"p99_ms\":2.00,\"cpu_pct_server\":90.0,\"cpu_ms_per_op_server\":0.500,"
                + "\"label\":\"refresh C=8\",\"server\":\"" + server + "\",\"target\":4.0,\"run\":" + round + "}";
    }

    private static String own(String label, double ops, double p50, int errors) {
        return "{\"scenario\":\"cards-read\",\"concurrency\":16,\"seconds\":20.0,\"requests\":1,\"errors\":" + errors
                + ",\"ops_per_s\":" + ops + ",\"p50_ms\":" + p50 + ",\"p99_ms\":9.0,\"label\":\"" + label + "\",\"run\":1}";
    }

    @Test
    void aSideBySideRowIsTheRatioOfEachServersMedianWithEveryRoundsRatio() throws Exception {
        Report.Rendered report = render(pair("keycloak", 100, 1), pair("ours", 300, 1), pair("keycloak", 120, 2),
                pair("ours", 330, 2), pair("keycloak", 110, 3), pair("ours", 320, 3));

        assertTrue(report.markdown().contains("| refresh C=8 | 3 | 110.0 | 320.0 | **2.91×** (3.00, 2.75, 2.91) | ≥ 4.0× not met |"),
                report.markdown());
    }

    @Test
    void aScenarioOfOursAloneIsTheMedianOverRunsWithEveryError() throws Exception {
        Report.Rendered report = render(own("cards-read (C=16)", 1000, 1.0, 1), own("cards-read (C=16)", 3000, 3.0, 0),
                own("cards-read (C=16)", 2000, 2.0, 2), own("cards-read (C=16)", 4000, 4.0, 0));

        // Four runs: the median is the mean of the middle two.
        assertTrue(report.markdown().contains("| cards-read (C=16) | 4 | 2500 | 2.5 | 9.0 | 3 | n/a |"), report.markdown());
    }

    @Test
    void clientExpiryCountsOfARunWithAnUnreadableMetricsPageAreNotMadeUp() throws Exception {
        String counted = "{\"scenario\":\"client-expiry\",\"ops_per_s\":100.0,\"p50_ms\":1.0,\"p99_ms\":2.0,\"errors\":0,"
                + "\"calls\":2000,\"caller_failures\":0,\"client_401s\":4,\"client_refreshes\":1,\"server_401s\":4,"
                + "\"server_refreshes\":1,\"label\":\"client-expiry (C=16)\",\"run\":1}";
        String unread = counted.replace("\"server_401s\":4", "\"server_401s\":null").replace("\"run\":1", "\"run\":2");

        Report.Rendered report = render(counted, unread);

        assertTrue(report.markdown().contains("| client-expiry (C=16) | 2 | 2000 | 0 | 4 / n/a | 1 / 1 |"), report.markdown());
        JsonNode scenario = new ObjectMapper().readTree(report.json()).get("scenarios").get(0);
        assertTrue(scenario.get("server_401s").isNull(), report.json());
        assertEquals(4, scenario.get("client_401s").asInt(), report.json());
    }

    @Test
    void theClientsOverheadIsTheMedianOfEachRoundsP50Ratio() throws Exception {
        String fixed = "{\"scenario\":\"client-expiry\",\"ops_per_s\":1000.0,\"p50_ms\":%s,\"p99_ms\":2.0,\"errors\":0,"
                + "\"client\":\"fixed-header\",\"label\":\"client, fixed-header (C=1)\",\"overhead\":\"C=1\",\"run\":%d}";
        String refreshing = fixed.replace("fixed-header", "refreshing");

        Report.Rendered report = render(String.format(fixed, "1.00", 1), String.format(refreshing, "1.10", 1),
                String.format(fixed, "1.00", 2), String.format(refreshing, "0.90", 2),
                String.format(fixed, "2.00", 3), String.format(refreshing, "2.04", 3));

        // Per round +10 %, −10 %, +2 %: the median is +2 %, within the +10 % target.
        assertTrue(report.markdown().contains("| C=1 | 3 | 1.00 / 1.10 | **+2.0 %** (+10.0, -10.0, +2.0) | 1000 / 1000 | ≤ +10 % met |"),
                report.markdown());
    }

    private static String read(String scenario, double cardsCpu, int round) {
        return "{\"scenario\":\"" + scenario + "\",\"concurrency\":16,\"seconds\":20.0,\"requests\":1,\"errors\":0,"
                + "\"ops_per_s\":1000.0,\"p50_ms\":1.00,\"p99_ms\":2.00,\"cpu_ms_per_op_server\":0.001,"
                + "\"cpu_ms_per_op_cards\":" + cardsCpu + ",\"cpu_ms_per_op_pg\":0.100,\"label\":\"" + scenario
                + " (C=16)\",\"dpop_pair\":\"C=16\",\"run\":" + round + "}";
    }

    @Test
    void dpopOnACardReadIsTheMedianOfEachRoundsServerCpuRatioAgainstItsTarget() throws Exception {
        Report.Rendered report = render(read("cards-read", 0.40, 1), read("cards-read-dpop", 0.48, 1),
                read("cards-read", 0.40, 2), read("cards-read-dpop", 0.56, 2), read("cards-read", 0.50, 3),
                read("cards-read-dpop", 0.55, 3));

        // Per round 1.20, 1.40, 1.10: the median is 1.20, within 1.25×.
        assertTrue(report.markdown().contains("| C=16 | 3 | 0.400 / 0.550 | **1.20×** (1.20, 1.40, 1.10) | ≤ 1.25× met | 0.100 / 0.100 |"),
                report.markdown());
        JsonNode row = new ObjectMapper().readTree(report.json()).get("dpop").get("card_read").get(0);
        assertEquals(1.2, row.get("ratio").asDouble(), 1e-9);
        assertTrue(row.get("met").asBoolean());
        // Each scenario keeps its row of ours alone too.
        assertTrue(report.markdown().contains("| cards-read-dpop (C=16) | 3 | 1000 |"), report.markdown());
    }

    @Test
    void dpopOnACardReadAboveItsTargetIsNotMet() throws Exception {
        Report.Rendered report = render(read("cards-read", 0.40, 1), read("cards-read-dpop", 0.60, 1));

        assertTrue(report.markdown().contains("**1.50×** (1.50) | ≤ 1.25× not met |"), report.markdown());
    }

    @Test
    void theClientsCostOfAProofIsReportedFromCpuCost() throws Exception {
        Files.writeString(dir.resolve("cpu.json"), "{\"dpop_proof_ES256_us\":150.2,\"dpop_proof_ES256_wall_us\":161.7}\n");

        Report.Rendered report = render(own("cards-read (C=16)", 1000, 1.0, 0));

        assertTrue(report.markdown().contains("The client's added latency per call with DPoP: one proof"), report.markdown());
        assertTrue(report.markdown().contains("takes **162 µs** (150 µs of CPU)"), report.markdown());
        JsonNode dpop = new ObjectMapper().readTree(report.json()).get("dpop");
        assertEquals(161.7, dpop.get("proof_wall_us").asDouble());
        assertTrue(dpop.get("card_read").isEmpty());
    }

    @Test
    void theDpopRefreshRowStandsBesideKeycloaksAsAnySideBySideRow() throws Exception {
        String kc = pair("keycloak", 100, 1).replace("refresh C=8", "refresh with DPoP, rotation on, C=8");
        String ours = pair("ours", 450, 1).replace("refresh C=8", "refresh with DPoP, rotation on, C=8");

        Report.Rendered report = render(pair("keycloak", 100, 1), pair("ours", 300, 1), kc, ours);

        assertTrue(report.markdown().contains("| refresh with DPoP, rotation on, C=8 | 1 | 100.0 | 450.0 | **4.50×** (4.50) | ≥ 4.0× met |"),
                report.markdown());
        assertTrue(report.markdown().contains("| refresh C=8 | 1 | 100.0 | 300.0 |"), report.markdown());
    }

    @Test
    void theJsonIsValidAndCarriesTheOtherFilesAsTheyAre() throws Exception {
        Files.writeString(dir.resolve("cpu.json"), "{\"ES256_sign_us\":140.0,\"cores\":2}\n");
        Files.writeString(dir.resolve("starts.jsonl"), "{\"ops_per_s\":90.0,\"start\":1,\"auth_ready_s\":1.4,\"cards_ready_s\":1.2}\n");

        Report.Rendered report = render(own("cards-read (C=16)", 1000, 1.0, 0));

        JsonNode json = new ObjectMapper().readTree(report.json());
        assertEquals(140.0, json.get("cpu").get("ES256_sign_us").asDouble());
        assertEquals(1, json.get("starts").size());
        assertTrue(json.get("memory").isNull());
        assertTrue(json.get("side_by_side").isEmpty());
        assertTrue(json.get("dpop").get("proof_wall_us").isNull());
    }

    @Test
    void labelsAreEscapedInTheChart() throws Exception {
        Report.Rendered report = render(own("a <b> & c", 1000, 1.0, 0));

        assertTrue(report.svg().contains("a &lt;b> &amp; c"), report.svg());
        assertFalse(report.svg().contains("a <b>"), report.svg());
    }

    @Test
    void aFieldIsReadByItsExactName() {
        String line = "{\"p50_ms\":1.5,\"label\":\"x\",\"ops_per_s\":NaN}";
        assertEquals(1.5, Report.num(line, "p50_ms"));
        assertTrue(Double.isNaN(Report.num(line, "ops_per_s")));
        assertTrue(Double.isNaN(Report.num(line, "p99_ms")));
        assertEquals("x", Report.str(line, "label"));
        assertEquals("?", Report.str(line, "server"));
    }
}
