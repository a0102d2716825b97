package org.psychonet.learning.cnn;

import java.util.Random;

/**
 * Denoising reconstruction: the input is a random crop plus Gaussian noise of standard deviation {@code noise}
 * (in standardized units), the target the clean crop, the loss their mean squared difference after a decoder.
 * It is the reconstruction objective of the paper's linear networks (Figs 4–5) carried into a nonlinear network;
 * the noise keeps the network from copying pixels through (a deep network can represent the identity).
 */
public record DenoisingTask(String description, ImagePool images, double noise) implements CnnTask {

    public DenoisingTask {
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and non-negative, got " + noise);
        }
    }

    @Override
    public String describe() {
        return "denoising reconstruction (noise σ " + noise + ") · " + description;
    }

    @Override
    public void sample(Random rng, int size, double minScale, boolean flip, float[] inputs, float[] targets,
                       int[] labels) {
        int per = 3 * size * size;
        int batch = inputs.length / per;
        for (int b = 0; b < batch; b++) {
            int i = rng.nextInt(images.size());
            images.crop(i, rng, size, minScale, flip, targets, b * per);
        }
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = (float) (targets[k] + noise * rng.nextGaussian());
        }
    }
}
