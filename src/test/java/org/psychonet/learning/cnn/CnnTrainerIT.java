package org.psychonet.learning.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.model.NetworkStore;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.arch.ArchSpec;

/** CNN training learns, and is bitwise reproducible: same seed, same weights; resumed = uninterrupted. */
class CnnTrainerIT {
    static final CnnTrainingConfig CONFIG = new CnnTrainingConfig(60, 16, 0.05, 0.9, 1e-4, 0.25, false, 0);
    static final Shape INPUT = new Shape(3, 16, 16);

    /** Synthetic photos: coloured oriented gratings plus noise. */
    static ImagePool synthetic(int n, int size, long seed) {
        Random r = new Random(seed);
        ImagePool pool = ImagePool.withCapacity(n, size);
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
            pool.add(d);
        }
        return pool;
    }

    /** Class i = "the crop came from image i". */
    static ImageClassTask whichImage(String description, ImagePool pool) {
        int[] labels = new int[pool.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i;
            names.add("image" + i);
        }
        return new ImageClassTask(description, pool, labels, names);
    }

    static ImageClassTask task() {
        return whichImage("synthetic", synthetic(6, 32, 1));
    }

    static float[] weights(TapNetwork net) {
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

    /**
     * A thread that keeps the garbage collector busy freeing direct buffers, as other test classes in the same
     * JVM do: this made the old ReLU read freed memory (NaN weights, and two runs with one seed that differed).
     */
    static AutoCloseable gcPressure() {
        AtomicBoolean stop = new AtomicBoolean();
        Thread t = new Thread(() -> {
            List<ByteBuffer> keep = new ArrayList<>();
            while (!stop.get()) {
                for (int i = 0; i < 2000; i++) {
                    ByteBuffer b = ByteBuffer.allocateDirect(4 + (i % 64) * 4);
                    b.putFloat(0, Float.NaN);
                    keep.add(b);
                }
                if (keep.size() > 20_000) {
                    keep.clear();
                }
                System.gc();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gc-pressure");
        t.setDaemon(true);
        t.start();
        return () -> {
            stop.set(true);
            t.join();
        };
    }

    @Test
    void lossFallsBelowChanceAndSameSeedGivesBitwiseSameWeightsUnderGcPressure() throws Exception {
        ImageClassTask task = task();
        ArchSpec spec = new ArchSpec("small", 4, task.classes());
        float[] first = null;
        try (AutoCloseable pressure = gcPressure()) {
            for (int run = 0; run < 3; run++) {
                try (TapNetwork net = spec.build(INPUT, DataType.FLOAT32, 5)) {
                    CnnTrainer.Outcome o = new CnnTrainer(CONFIG).train(net, spec, task, 9, null, Map.of());
                    assertTrue(o.finalLoss() < 0.8 * o.baselineLoss(), "final loss " + o.finalLoss() + " vs chance "
                            + o.baselineLoss());
                    float[] w = weights(net);
                    if (first == null) {
                        first = w;
                    } else {
                        assertArrayEquals(first, w, 0f, "run " + run + ": same seed, same weights");
                    }
                }
            }
        }
    }

    @Test
    void resumedRunEndsWithBitwiseTheWeightsOfAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        ImageClassTask task = task();
        ArchSpec spec = new ArchSpec("small", 4, task.classes());
        float[] straight;
        try (TapNetwork net = spec.build(INPUT, DataType.FLOAT32, 5)) {
            new CnnTrainer(CONFIG).train(net, spec, task, 9, null, Map.of("note", "test"));
            straight = weights(net);
        }
        Path ck = tmp.resolve("ck");
        try (TapNetwork net = spec.build(INPUT, DataType.FLOAT32, 5)) {
            new CnnTrainer(CONFIG).train(net, spec, task, 9, ck, Map.of("note", "test"), 25);
        }
        assertTrue(NetworkStore.exists(ck));
        float[] resumed;
        try (TapNetwork net = spec.build(INPUT, DataType.FLOAT32, 5)) {
            CnnTrainer.Outcome o = new CnnTrainer(CONFIG).train(net, spec, task, 9, ck, Map.of("note", "test"));
            assertEquals(25, o.resumedFrom());
            resumed = weights(net);
        }
        assertArrayEquals(straight, resumed, 0f);
        try (TapNetwork loaded = NetworkStore.load(ck, DataType.FLOAT32)) {
            assertArrayEquals(resumed, weights(loaded), 0f);
            assertEquals(60, NetworkStore.training(ck).get("steps_done").asInt());
        }
    }
}
