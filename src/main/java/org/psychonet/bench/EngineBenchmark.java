package org.psychonet.bench;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psychonet.model.StagedBlock;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.nn.TAvgPool;
import org.psychonet.model.nn.TConv2d;
import org.psychonet.model.nn.TLinear;
import org.psychonet.model.nn.TMaxPool;
import org.psychonet.model.nn.TRelu;
import org.psychonet.model.nn.TSequential;
import org.psychonet.sensitivity.DerivativeMethod;
import org.psychonet.sensitivity.SensitivityConfig;
import org.psychonet.sensitivity.SensitivityEngine;
import org.psychonet.stimulus.Gabor;
import org.psychonet.stimulus.StimulusFamily;

/**
 * Stimuli per second of the sensitivity engine for the Gabor family through a small conv net (4 taps):
 * fd (which also runs δ/2 for its error estimate), grid and exact — every tap from the same passes — against the
 * authors' notebook strategy of one finite-difference pass per layer and orientation ({@link AuthorsLoop}).
 */
public final class EngineBenchmark {

    /** One measured strategy. */
    public record Row(String strategy, int stimuli, double seconds, double stimuliPerSecond) {
    }

    private EngineBenchmark() {
    }

    /** The benchmark's conv net: 4 taps, about 60k parameters, for 3×size×size inputs. */
    public static TapNetwork smallConvNet(int size, long seed) {
        StagedBlock b = new StagedBlock()
                .stage("conv1", new TSequential().add(new TConv2d(16, 5, 2, 2, true)).add(new TRelu())
                        .add(new TMaxPool(3, 2, 0)))
                .stage("conv2", new TSequential().add(new TConv2d(32, 3, 1, 1, true)).add(new TRelu())
                        .add(new TMaxPool(3, 2, 0)))
                .stage("conv3", new TSequential().add(new TConv2d(64, 3, 1, 1, true)).add(new TRelu()))
                .stage("fc", new TSequential().add(TAvgPool.global()).add(new TLinear(10, true)));
        return new TapNetwork("bench-cnn", b, new Shape(3, size, size), DataType.FLOAT32, seed, Map.of());
    }

    /**
     * @param size    Gabor side in px (paper: 224)
     * @param thetas  orientations (paper: 180)
     * @param repeats timed repetitions per strategy (the best is kept)
     */
    public static List<Row> run(int size, int thetas, int repeats) {
        StimulusFamily gabor = new Gabor(Gabor.Config.paper().scaledTo(size));
        double[] grid = gabor.axis().grid(thetas);
        int stimuli = thetas * gabor.nuisanceCount();
        List<Row> rows = new ArrayList<>();
        try (TapNetwork net = smallConvNet(size, 0)) {
            // warm-up
            new SensitivityEngine(SensitivityConfig.defaults(DerivativeMethod.EXACT)).measure(net, gabor,
                    gabor.axis().grid(4));
            for (DerivativeMethod m : DerivativeMethod.values()) {
                SensitivityEngine e = new SensitivityEngine(SensitivityConfig.defaults(m));
                rows.add(time(m.label() + " (all taps, one pass)", stimuli, repeats, () -> e.measure(net, gabor, grid)));
            }
            rows.add(time("fd, one sweep per layer and orientation (authors' notebook)", stimuli, repeats,
                    () -> AuthorsLoop.run(net, gabor, grid, grid.length)));
        }
        return rows;
    }

    private static Row time(String name, int stimuli, int repeats, Runnable r) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return new Row(name, stimuli, best, stimuli / best);
    }

    /** Ratios against the authors' strategy, for result.json. */
    public static Map<String, Object> summary(List<Row> rows) {
        Row naive = rows.get(rows.size() - 1);
        Map<String, Object> m = new LinkedHashMap<>();
        for (Row r : rows) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("seconds", r.seconds());
            e.put("stimuli_per_second", r.stimuliPerSecond());
            e.put("speedup_vs_per_layer_fd", naive.seconds() / r.seconds());
            m.put(r.strategy(), e);
        }
        return m;
    }
}
