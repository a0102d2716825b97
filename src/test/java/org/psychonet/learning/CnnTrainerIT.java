package org.psychonet.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.model.NetworkStore;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.arch.ArchSpec;

class CnnTrainerIT {


    /** Synthetic photos: coloured oriented gratings plus noise, one per class. */
    static List<ImageClassTask.Img> synthetic(int n, int size, long seed) {
        Random r = new Random(seed);
        List<ImageClassTask.Img> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double th = r.nextDouble() * Math.PI;
            double f = 0.1 + 0.3 * r.nextDouble();
            float[] col = {r.nextFloat(), r.nextFloat(), r.nextFloat()};
            float[] d = new float[3 * size * size];
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        double v = 0.5 + 0.4 * Math.cos(f * (Math.cos(th) * j + Math.sin(th) * i)) * col[c]
                                + 0.05 * r.nextGaussian();
                        d[(c * size + i) * size + j] = (float) Math.max(0, Math.min(1, v));
                    }
                }
            }
            out.add(new ImageClassTask.Img(size, size, d));
        }
        return out;
    }

    private static float[] weights(TapNetwork net) {
        List<Float> all = new ArrayList<>();
        for (Pair<String, Parameter> p : net.model().getBlock().getParameters()) {
            for (float v : p.getValue().getArray().toType(DataType.FLOAT32, false).toFloatArray()) {
                all.add(v);
            }
        }
        float[] r = new float[all.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = all.get(i);
        }
        return r;
    }

    @Test
    void lossFallsBelowChanceAndResumeReproducesUninterruptedRun(@TempDir Path tmp) throws Exception {
        ImageClassTask task = ImageClassTask.whichImage("synthetic", synthetic(6, 48, 1), 32);
        ArchSpec spec = new ArchSpec("small", 4, task.classes());
        CnnTrainingConfig cfg = new CnnTrainingConfig(60, 16, 0.05, 0.9, 1e-4, 0.25, false, 0);
        Shape in = new Shape(3, 16, 16);
        float[] straight;
        try (TapNetwork net = spec.build(in, DataType.FLOAT32, 5)) {
            CnnTrainer.Outcome o = new CnnTrainer(cfg).train(net, spec, task, 9, null, Map.of());
            assertTrue(o.finalLoss() < 0.8 * o.chanceLoss(), "final loss " + o.finalLoss() + " vs chance "
                    + o.chanceLoss());
            straight = weights(net);
        }
        try (TapNetwork net = spec.build(in, DataType.FLOAT32, 5)) {
            new CnnTrainer(cfg).train(net, spec, task, 9, null, Map.of());
            assertArrayEquals(straight, weights(net), 0f, "same seed, same weights");
        }
        Path ck = tmp.resolve("ck");
        try (TapNetwork net = spec.build(in, DataType.FLOAT32, 5)) {
            new CnnTrainer(cfg).train(net, spec, task, 9, ck, Map.of("note", "test"), 25);
        }
        assertTrue(NetworkStore.exists(ck));
        float[] resumed;
        try (TapNetwork net = spec.build(in, DataType.FLOAT32, 5)) {
            CnnTrainer.Outcome o = new CnnTrainer(cfg).train(net, spec, task, 9, ck, Map.of("note", "test"));
            assertEquals(25, o.resumedFrom());
            resumed = weights(net);
        }
        assertEquals(straight.length, resumed.length);
        assertArrayEquals(straight, resumed, 1e-4f);
        try (TapNetwork loaded = NetworkStore.load(ck, DataType.FLOAT32)) {
            assertArrayEquals(resumed, weights(loaded), 0f);
            assertEquals(60, NetworkStore.training(ck).get("steps_done").asInt());
        }
    }
}
