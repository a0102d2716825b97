package org.psychonet.learning.cnn;

import java.util.Random;

/**
 * What a CNN is trained to do, with the images it trains on: classification of labelled images
 * ({@link ImageClassTask}) or denoising reconstruction ({@link DenoisingTask}, the unsupervised objective of
 * Figs 4–5 carried into a nonlinear network).
 */
public sealed interface CnnTask permits ImageClassTask, DenoisingTask {

    /** What the task is, in words (recorded with checkpoints and results). */
    String describe();

    /** The training images. */
    ImagePool images();

    /**
     * Draws one batch from {@code rng}: inputs (batch × 3 × size × size, standardized) and either class labels
     * ({@code labels}) or clean targets ({@code targets}, same shape as the inputs). The draws depend only on the
     * generator and the pool's size, so conditions with equally many images see the same images in the same order.
     */
    void sample(Random rng, int size, double minScale, boolean flip, float[] inputs, float[] targets, int[] labels);
}
