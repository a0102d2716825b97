package org.psychonet.learning;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.Callable;

/**
 * Runs work on one PyTorch intra-op thread. With two threads PyTorch's CPU backward was not bitwise
 * reproducible on this machine (and once produced NaNs); psychonet promises same seed → same numbers.
 */
public final class CnnThreads {
    private CnnThreads() {
    }

    public static <T> T single(Callable<T> work) throws Exception {
        Engine.getInstance(); // loads the native library
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
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
