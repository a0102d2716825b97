package org.psychonet.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.arch.VisionTransformer;

/**
 * The vision transformer's training pass must not hand autograd a tensor that DJL frees before backward (a Java
 * number in {@code x.mul(2.0)} becomes a tensor over a Java buffer, freed right after the call, while mul keeps it
 * for backward). A garbage collection is forced between forward and backward and freed direct memory is filled
 * with NaN; the gradients must equal those of a backward that follows the forward at once. With the attention
 * scale as {@code mul(double)} the self-attention input gradient came out wrong (−2.61 for −6.14, measured).
 */
class ViTAutogradMemoryTest {

    /** Frees unreachable direct buffers, then fills fresh ones with NaN so that reused memory reads NaN. */
    private static List<ByteBuffer> scribble() throws InterruptedException {
        List<ByteBuffer> keep = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(30);
            for (int i = 0; i < 20_000; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
                b.putFloat(0, Float.NaN);
                keep.add(b);
            }
        }
        return keep;
    }

    /** d Σ y² / dx for the block's last output y, with or without a scribbled garbage collection between forward and backward. */
    private static float[] inputGradient(Block block, NDManager m, float[] v, Shape shape, boolean collect)
            throws Exception {
        try (NDManager step = m.newSubManager()) {
            NDArray x = step.create(v, shape);
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = block.forward(new ParameterStore(m, false), new NDList(x), true);
                NDArray y = out.get(out.size() - 1); // the last tap (a network's blocks return every tap)
                List<ByteBuffer> junk = collect ? scribble() : List.of();
                gc.backward(y.square().sum());
                junk.size();
            }
            return x.getGradient().toFloatArray();
        }
    }

    private static void assertSameFiniteGradients(float[] reference, float[] scribbled) {
        assertEquals(reference.length, scribbled.length);
        double norm = 0;
        for (int i = 0; i < reference.length; i++) {
            assertTrue(Float.isFinite(scribbled[i]), "gradient " + i + " is " + scribbled[i] + " after a GC");
            assertEquals(reference[i], scribbled[i], 1e-5 * (1 + Math.abs(reference[i])), "gradient " + i);
            norm += reference[i] * reference[i];
        }
        assertTrue(norm > 0, "the gradient is not identically zero");
    }

    @Test
    void selfAttentionBackwardReadsNoFreedMemory() throws Exception {
        Shape shape = new Shape(2, 5, 8);
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(1.7 * i);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            TSelfAttention block = new TSelfAttention(8, 2);
            block.initialize(m, DataType.FLOAT32, shape);
            assertSameFiniteGradients(inputGradient(block, m, v, shape, false), inputGradient(block, m, v, shape, true));
        }
    }

    @Test
    void wholeVisionTransformerBackwardReadsNoFreedMemory() throws Exception {
        Shape shape = new Shape(2, 3, 16, 16);
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.cos(0.37 * i);
        }
        try (TapNetwork net = VisionTransformer.build(new Shape(3, 16, 16), 16, 3,
                new VisionTransformer.Config(4, 1, 2, 2), DataType.FLOAT32, 4);
             NDManager m = NDManager.newBaseManager()) {
            Block block = net.block();
            float[] reference = inputGradient(block, net.model().getNDManager(), v, shape, false);
            assertSameFiniteGradients(reference, inputGradient(block, net.model().getNDManager(), v, shape, true));
        }
    }
}
