package org.psychonet.learning.cnn;

/**
 * How a CNN is trained (Methods, "Deep nonlinear network experiments", at CPU scale).
 *
 * @param steps           SGD steps (the paper: 90 ImageNet epochs)
 * @param batch           images per step (paper: 256)
 * @param learningRate    initial rate (paper: 0.1), divided by 10 after 1/3 and 2/3 of the steps (paper: every
 *                        30 of 90 epochs)
 * @param momentum        SGD momentum (paper: 0.9)
 * @param weightDecay     L2 penalty (paper: 1e-4)
 * @param minCropScale    smallest crop area fraction (paper: 0.08 of the image; psychonet crops from images
 *                        already shrunk to twice the input, so a larger minimum keeps crops from being blurry)
 * @param flips           random horizontal flips (paper: on; off by default here because flips make orientation
 *                        statistics symmetric about vertical)
 * @param checkpointEvery steps between checkpoints (0: none)
 */
public record CnnTrainingConfig(int steps, int batch, double learningRate, double momentum, double weightDecay,
                                double minCropScale, boolean flips, int checkpointEvery) {

    /** The paper's optimizer settings with psychonet's CPU-scale step count. */
    public static CnnTrainingConfig paper() {
        return new CnnTrainingConfig(20_000, 128, 0.1, 0.9, 1e-4, 0.25, false, 1000);
    }

    public CnnTrainingConfig withSteps(int s) {
        return new CnnTrainingConfig(s, batch, learningRate, momentum, weightDecay, minCropScale, flips,
                checkpointEvery);
    }

    public CnnTrainingConfig withFlips(boolean f) {
        return new CnnTrainingConfig(steps, batch, learningRate, momentum, weightDecay, minCropScale, f,
                checkpointEvery);
    }

    public CnnTrainingConfig withCheckpointEvery(int n) {
        return new CnnTrainingConfig(steps, batch, learningRate, momentum, weightDecay, minCropScale, flips, n);
    }

    /** Step-decay schedule: ÷10 at 1/3 and at 2/3 of training. */
    public double rate(int step) {
        double r = learningRate;
        if (step >= steps / 3) {
            r /= 10;
        }
        if (step >= 2 * steps / 3) {
            r /= 10;
        }
        return r;
    }
}
