package org.psychonet.learning.supervised;

/**
 * What one supervised training run recorded.
 *
 * @param thetas         probe orientations (radians)
 * @param steps          SGD step at each sensitivity snapshot (0 = initialization)
 * @param sensitivity    D(θ) of the first layer, [snapshot][θ]
 * @param loss           training loss at each step
 * @param accuracyPerBin held-out accuracy of each orientation bin at the end
 * @param keptFraction   fraction of labels kept over training (1 without noise)
 */
public record SupervisedTrace(double[] thetas, int[] steps, double[][] sensitivity, double[] loss,
                              double[] accuracyPerBin, double keptFraction) {

    /** D(θ) after the last step. */
    public double[] finalSensitivity() {
        return sensitivity[sensitivity.length - 1];
    }
}
