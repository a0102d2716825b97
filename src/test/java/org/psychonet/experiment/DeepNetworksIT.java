package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.experiment.DeepNetworks.Condition;
import org.psychonet.experiment.DeepNetworks.Regime;
import org.psychonet.experiment.DeepNetworks.Task;
import org.psychonet.report.DeepReport;

/** The whole deep-network pipeline at its tiny profile: structure, pairing, determinism. */
class DeepNetworksIT {
    @TempDir
    static Path tmp;
    static DeepNetworks.Result result;
    static Path dir;

    @BeforeAll
    static void runTiny() throws Exception {
        dir = tmp.resolve("tiny");
        Files.createDirectories(dir);
        result = new DeepNetworks().run(DeepNetworks.Config.tiny(), 0, dir);
        DeepReport.write(result, dir);
    }

    @Test
    void everyConditionSeedSnapshotAndControlIsMeasured() {
        DeepNetworks.Config c = result.config();
        for (Condition cond : c.conditions()) {
            List<DeepNetworks.TrainedNetwork> ns = result.of(Task.DENOISE, Regime.STANDARD, cond);
            assertEquals(c.seeds(), ns.size(), cond.label());
            for (DeepNetworks.TrainedNetwork n : ns) {
                assertEquals(c.snapshotSteps().length, n.snapshots().size());
                assertEquals(c.training().steps(), n.last().step());
                assertNotNull(n.last().layer(result.deepLayers().get(0)).orientation());
                assertNotNull(n.last().layer(result.deepLayers().get(0)).hue());
                assertTrue(Double.isFinite(n.training().finalLoss()));
            }
        }
        assertEquals(c.seeds(), result.controls(Task.DENOISE, Regime.STANDARD, "init").size());
        assertEquals(c.seeds(), result.controls(Task.DENOISE, Regime.STANDARD, "shuffle").size());
        for (String f : List.of("claims.csv", "networks.csv", "timecourse.csv", "orientation.csv", "hue.csv",
                "fig2c_denoise.png", "timecourse_denoise.png", "fig2c_depth_denoise.png")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        assertTrue(Files.isRegularFile(dir.resolve("networks/denoise-natural/weights.params")));
    }

    @Test
    void conditionsArePairedBySeed() {
        // seed k's networks start from the same weights in every condition: their untrained measurement is one
        List<DeepNetworks.TrainedNetwork> nat = result.of(Task.DENOISE, Regime.STANDARD, Condition.NATURAL);
        List<DeepNetworks.TrainedNetwork> uni = result.of(Task.DENOISE, Regime.STANDARD, Condition.UNIFORM);
        String l = result.deepLayers().get(0);
        for (int k = 0; k < nat.size(); k++) {
            assertEquals(0, nat.get(k).snapshots().get(0).step());
            assertEquals(nat.get(k).snapshots().get(0).layer(l).ratio(), uni.get(k).snapshots().get(0).layer(l).ratio());
            assertFalse(nat.get(k).last().layer(l).ratio() == uni.get(k).last().layer(l).ratio(),
                    "different worlds, different trained networks");
        }
        assertFalse(nat.get(0).snapshots().get(0).layer(l).ratio() == nat.get(1).snapshots().get(0).layer(l).ratio(),
                "another seed, another initial network");
    }

    @Test
    void claimsAreJudgedOverSeedsWithTheirStandardError() {
        for (String id : List.of("deepnets.denoise.natural_vs_uniform", "deepnets.denoise.depth",
                "deepnets.denoise.init_near_uniform", "deepnets.denoise.shuffle",
                "deepnets.linear.natural_vs_uniform")) {
            Claim c = result.claims().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(() ->
                    new AssertionError("no claim " + id));
            assertEquals(result.config().seeds(), c.value().n(), id);
            assertTrue(c.comparator().usesStandardError(), id + " is judged against its standard error");
            assertTrue(Double.isFinite(c.value().mean()) && Double.isFinite(c.value().se()), id + " " + c.value());
        }
    }

    @Test
    void sameSeedSameNumbers() throws Exception {
        Path again = tmp.resolve("again");
        Files.createDirectories(again);
        DeepNetworks.Result r = new DeepNetworks().run(DeepNetworks.Config.tiny(), 0, again);
        assertEquals(result.claims().size(), r.claims().size());
        for (int i = 0; i < r.claims().size(); i++) {
            assertArrayEquals(result.claims().get(i).value().values(), r.claims().get(i).value().values(), 0,
                    r.claims().get(i).id());
        }
    }

    @Test
    void theReportOfAResultReadBackFromJsonHasTheSameBytes() throws Exception {
        // reproduce renders a cached result: the report may read only the record
        DeepNetworks.Result back = org.psychonet.report.Json.MAPPER.readValue(
                org.psychonet.report.Json.MAPPER.writeValueAsString(result), DeepNetworks.Result.class);
        Path cached = tmp.resolve("cached");
        Files.createDirectories(cached);
        DeepReport.write(back, cached);
        for (String f : List.of("claims.csv", "networks.csv", "timecourse.csv", "orientation.csv", "hue.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(cached.resolve(f)), f);
        }
    }
}
