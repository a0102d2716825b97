package org.psychonet.learning.supervised;

/**
 * Settings of one supervised training run (Methods "Supervised label noise experiment").
 *
 * @param bins               orientation bins of the cross-entropy (Methods: 60)
 * @param hidden             hidden widths (Methods: 32², 16²)
 * @param batch              images per SGD step (authors: 2,048)
 * @param steps              SGD steps (authors: 300)
 * @param learningRate       plain SGD step size (authors' Fig. 6 notebook: 0.5)
 * @param initScale          factor on PyTorch's default initialization (authors: 0.1)
 * @param measureEvery       measure first-layer sensitivity every this many steps (and at the end)
 * @param sensitivityThetas  orientations of the sensitivity probe over [0, π) (issue: 60)
 * @param phases             phases the probe marginalizes over, evenly spaced in [0, 2π)
 * @param testPerBin         held-out test images per bin for per-bin accuracy
 */
public record SupervisedTraining(int bins, int[] hidden, int batch, int steps, double learningRate,
                                 double initScale, int measureEvery, int sensitivityThetas, int phases,
                                 int testPerBin) {

    /** The authors' settings (Fig. 6). */
    public static SupervisedTraining paper() {
        return new SupervisedTraining(60, new int[] {32 * 32, 16 * 16}, 2048, 300, 0.5, 0.1, 10, 60, 16, 32);
    }
}
