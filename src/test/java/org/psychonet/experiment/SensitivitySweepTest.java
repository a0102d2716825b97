package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.model.NetworkStore;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.scale.Cluster;
import org.psychonet.scale.SerializingCluster;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.sensitivity.SensitivityProfile;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.stimulus.Stimuli;
import org.psychonet.stimulus.StimulusFamily;
import org.psychonet.util.InvalidInputException;

/** Sweeps over checkpoint folders: discovery, table order, and the same numbers however tasks are spread. */
class SensitivitySweepTest {
    @TempDir
    static Path dir;
    private static final Shape INPUT = new Shape(3, 32, 32);

    /** Two checkpoints of run-a (steps from the folder names) and a final network of run-b (step from its json). */
    @BeforeAll
    static void checkpoints() throws Exception {
        ArchSpec spec = ArchSpec.standard("small");
        save(spec, 1, dir.resolve("runs/run-a/step-000100"), Map.of("condition", "a"));
        save(spec, 2, dir.resolve("runs/run-a/step-000200"), Map.of("condition", "a"));
        save(spec, 3, dir.resolve("runs/run-b"), Map.of("condition", "b", "steps_done", 300));
    }

    private static void save(ArchSpec spec, long seed, Path to, Map<String, Object> training) throws Exception {
        try (TapNetwork net = spec.build(INPUT, DataType.FLOAT32, seed)) {
            NetworkStore.save(net, spec, training, to);
        }
    }

    @Test
    void checkpointFoldersBecomeSeriesWithSteps() {
        List<SensitivitySweep.Model> m = SensitivitySweep.expand(List.of(dir.resolve("runs").toString(), "identity"));
        assertEquals(4, m.size(), m.toString());
        assertEquals(new SensitivitySweep.Model("run-a", 100L, "saved:" + dir.resolve("runs/run-a/step-000100")
                .toAbsolutePath()), m.get(0));
        assertEquals("run-a", m.get(1).name());
        assertEquals(200L, m.get(1).step());
        assertEquals("run-b", m.get(2).name());
        assertEquals(300L, m.get(2).step(), "steps_done recorded in network.json");
        assertEquals(new SensitivitySweep.Model("identity", null, "identity"), m.get(3));
    }

    @Test
    void badModelsNameTheOption() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SensitivitySweep.expand(List.of("resnet19")));
        assertEquals("models", e.parameterName().orElseThrow());
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> SensitivitySweep.expand(List.of(dir.resolve("runs/run-a/step-000100/..").resolve("..")
                        .resolve("..").resolve("nothing-here").toString())));
        assertEquals("models", empty.parameterName().orElseThrow());
    }

    /**
     * Rows per checkpoint equal a direct measurement of that network with stimuli at its trained size; tasks spread
     * over serialized partitions in shuffled order give the same table, bit for bit, in the same order.
     */
    @Test
    void sweepEqualsDirectMeasurementsInAnyDistribution() throws Exception {
        SensitivitySweep.Config c = SensitivitySweep.Config.of(List.of(dir.resolve("runs").toString()),
                List.of("gabor")).withThetas(8);
        SensitivitySweep.Result seq;
        try (Cluster one = Cluster.inProcess(1)) {
            seq = new SensitivitySweep().run(c, 7, one);
        }
        SensitivitySweep.Result shuffled;
        try (Cluster s = new SerializingCluster(5)) {
            shuffled = new SensitivitySweep().run(c, 7, s);
        }
        assertEquals(seq.rows(), shuffled.rows(), "same rows, same order");
        StimulusFamily gabor = Stimuli.byName("gabor", 32, 3);
        double[] grid = gabor.axis().grid(8);
        try (TapNetwork net = NetworkStore.load(dir.resolve("runs/run-b"), DataType.FLOAT32)) {
            SensitivityProfile p = new SensitivityEngine(SensitivityConfig.defaults(DerivativeMethod.EXACT))
                    .measure(net, gabor, grid);
            List<SensitivitySweep.Row> b = seq.rows().stream().filter(r -> r.model().equals("run-b")).toList();
            assertEquals(p.layers().size() * 8, b.size());
            for (int l = 0; l < p.layers().size(); l++) {
                double[] d = new double[8];
                double[] n = new double[8];
                for (int i = 0; i < 8; i++) {
                    SensitivitySweep.Row r = b.get(l * 8 + i);
                    assertEquals(p.layers().get(l), r.layer());
                    assertEquals(grid[i], r.theta());
                    assertEquals("rad", r.thetaUnit());
                    assertEquals(300L, r.checkpointStep());
                    d[i] = r.d();
                    n[i] = r.normalized();
                }
                assertArrayEquals(p.sensitivity()[l], d, 0.0, "layer " + p.layers().get(l));
                assertArrayEquals(p.normalized(l), n, 0.0);
            }
        }
        // one cardinal ratio per checkpoint and layer, in table order (8 θ: 0°, 22.5°, … hit both windows)
        int layers = (int) seq.rows().stream().map(SensitivitySweep.Row::layer).distinct().count();
        assertEquals(3 * layers, seq.ratios().size());
        assertEquals(List.of(100L, 200L, 300L), seq.ratios().stream().map(SensitivitySweep.Ratio::checkpointStep)
                .distinct().toList());
        assertTrue(seq.ratios().stream().allMatch(r -> r.cardinalRatio() > 0 && Double.isFinite(r.cardinalRatio())));
    }
}
