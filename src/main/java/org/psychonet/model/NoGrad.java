package org.psychonet.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Runs a measurement with PyTorch's autograd off on the calling thread. Grad mode is per thread and DJL switches
 * it off only on the thread that loaded the engine: on any other thread (a sweep's worker pool) a pass through a
 * network whose parameters require gradients would record a graph — wasted memory, and an error as soon as a
 * tensor made in inference mode (a TorchScript kernel's output) meets it. Code that needs autograd (the
 * TorchScript double backward) switches it on locally.
 */
public final class NoGrad {
    private NoGrad() {
    }

    public static <T> T run(Supplier<T> work) {
        Engine.getInstance(); // loads the native library
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(before);
        }
    }
}
