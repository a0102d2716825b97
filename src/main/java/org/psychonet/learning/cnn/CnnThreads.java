package org.psychonet.learning.cnn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.Callable;

/**
 * Runs work on one PyTorch intra-op thread, with autograd off outside gradient collectors.
 *
 * <p>What is reproducible: with one intra-op thread, CNN training with the same seed, configuration, build
 * and CPU gives bitwise the same weights (tested by {@code CnnTrainerIT}, also under garbage-collection
 * pressure). With two threads PyTorch's CPU backward is not bitwise reproducible (measured: four runs, four
 * different weight sets), and oneDNN may pick different kernels on another CPU, so bits across machines are
 * not promised. (The NaN weights once blamed on threads came from freed memory read by backward: see
 * {@code TRelu}.)
 */
public final class CnnThreads {
    private CnnThreads() {
    }

    public static <T> T single(Callable<T> work) throws Exception {
        Engine.getInstance(); // loads the native library
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        // grad mode is per thread and DJL switches it off only on the thread that loaded the engine: make sure
        // updates outside a GradientCollector are never recorded on this one
        JniUtils.setGradMode(false);
        try {
            return work.call();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    /** Sets the intra-op thread count (benchmarks). */
    public static void set(int threads) {
        Engine.getInstance();
        JniUtils.setNumThreads(threads);
    }
}
