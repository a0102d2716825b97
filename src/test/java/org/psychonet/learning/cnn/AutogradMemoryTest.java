package org.psychonet.learning.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
import org.psychonet.model.nn.TRelu;
import org.psychonet.model.nn.TResidual;
import org.psychonet.model.nn.TSequential;

/**
 * The root cause of the NaN weights and of the runs that differed with one seed (issue 14.5): a layer whose
 * forward pass used DJL's {@code maximum(0)} made the 0 a tensor over a Java buffer that DJL frees right after the
 * call, while autograd keeps it for backward. A garbage collection between forward and backward let backward
 * read freed memory as the ReLU threshold. Here the collection is forced and freed memory is overwritten.
 */
class AutogradMemoryTest {

    /** Frees unreachable direct buffers, then fills fresh ones with NaN so that reused memory reads NaN. */
    static List<ByteBuffer> scribble() throws InterruptedException {
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

    private static float[] gradientThroughGarbageCollection(Block block, float[] v) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(v.length));
            NDArray x = m.create(v);
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = block.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                List<ByteBuffer> junk = scribble();
                gc.backward(y.sum());
                junk.clear();
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void reluBackwardReadsNoFreedMemory() throws Exception {
        float[] v = {-2, -1, -0.5f, 0.5f, 1, 2};
        // d/dx Σ relu(x) = 1 where x > 0, else 0; before the fix this read [1,1,1,1,1,1] or [0,0,0,0,0.5,1]
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1}, gradientThroughGarbageCollection(new TRelu(), v), 0f);
    }

    @Test
    void residualBackwardReadsNoFreedMemory() throws Exception {
        float[] v = {-2, -1, -0.25f, 0.25f, 1, 2};
        // identity main branch + identity shortcut: Σ relu(2x) has gradient 2 where x > 0
        TResidual r = new TResidual(new TSequential(), null);
        assertArrayEquals(new float[] {0, 0, 0, 2, 2, 2}, gradientThroughGarbageCollection(r, v), 0f);
    }
}
