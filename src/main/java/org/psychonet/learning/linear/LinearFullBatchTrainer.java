package org.psychonet.learning.linear;

import ai.djl.ndarray.NDArray;

/**
 * Exact (full-batch) gradient descent: ∇_Wℓ = 2·scale·(W − I)Σ needs the data only through Σ, so one step
 * costs a few d×d products whatever the number of patches. With a diagonal Σ the trainer works in the PCA
 * basis — an exact change of variables (rotating the first layer's input and the last layer's output by
 * the orthogonal U commutes with gradient descent) in which multiplying by Σ is a column scaling.
 */
public final class LinearFullBatchTrainer implements LinearTrainer {
    private final LinearWeights weights;
    private final LinearCovariance sigma;
    private final LinearObjective objective;
    private final LinearBasis basis;
    private final double lr;
    private long steps;

    /**
     * @param weights   the layers, in the coordinates of {@code sigma} (PCA basis when sigma is diagonal)
     * @param sigma     the patch covariance
     * @param basis     the PCA basis, to report W in both coordinates
     * @param lr        step size η
     */
    public LinearFullBatchTrainer(LinearWeights weights, LinearCovariance sigma, LinearObjective objective,
                                  LinearBasis basis, double lr) {
        this.weights = weights;
        this.sigma = sigma;
        this.objective = objective;
        this.basis = basis;
        this.lr = lr;
    }

    /** ∇_Wℓ = 2·scale·(WΣ − Σ), in W's scope. */
    public static NDArray productGradient(NDArray w, LinearCovariance sigma, LinearObjective objective) {
        int d = (int) w.getShape().get(0);
        NDArray eye = w.getManager().eye(d, d, 0, w.getDataType());
        return sigma.rightTimes(w.sub(eye)).mul(2 * objective.scale());
    }

    @Override
    public void step() {
        weights.descend(w -> productGradient(w, sigma, objective), lr);
        steps++;
    }

    /** The layer gradients at the current weights (for tests). */
    public double[][] gradients() {
        return weights.gradients(w -> productGradient(w, sigma, objective));
    }

    public LinearWeights weights() {
        return weights;
    }

    @Override
    public LinearMethod method() {
        return LinearMethod.FULLBATCH;
    }

    @Override
    public LinearArchitecture architecture() {
        return weights.architecture();
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public double[] productPc() {
        double[] w = weights.product();
        return sigma.isDiagonal() ? w : basis.toPc(w);
    }

    @Override
    public double[] productPixel() {
        double[] w = weights.product();
        return sigma.isDiagonal() ? basis.toPixel(w) : w;
    }

    @Override
    public double[][] layersPc() {
        double[][] m = weights.matrices();
        return sigma.isDiagonal() ? m : basis.layersToPc(weights.architecture(), m);
    }

    @Override
    public void close() {
        weights.close();
    }

    /** Whether this trainer's coordinates are the PCA basis. */
    public boolean inPcBasis() {
        return sigma.isDiagonal();
    }
}
