package org.psychonet.learning.linear;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Minibatch stochastic gradient descent on the patches (Methods: learning rate 1.0, batch 16,384): each
 * epoch visits the patches in a fresh random order; the last minibatch of an epoch may be smaller, as in a
 * PyTorch DataLoader. The minibatch gradient of the product is 2·scale/B · (XWᵀ − X)ᵀX.
 */
public final class LinearSgdTrainer implements LinearTrainer {
    private final LinearWeights weights;
    private final LinearObjective objective;
    private final LinearBasis basis;
    private final float[] patches;
    private final int n;
    private final int d;
    private final int batch;
    private final double lr;
    private final SplittableRandom rng;
    private final double outputNoise;
    private final SplittableRandom noiseRng;
    private int[] order;
    private int cursor;
    private long steps;

    /**
     * @param weights layers in pixel coordinates
     * @param patches zero-centred patches, row-major n×d
     * @param batch   minibatch size
     * @param seed    seeds the order in which patches are visited
     */
    public LinearSgdTrainer(LinearWeights weights, float[] patches, int n, LinearObjective objective,
                            LinearBasis basis, int batch, double lr, long seed) {
        this(weights, patches, n, objective, basis, batch, lr, seed, 0);
    }

    /**
     * @param outputNoise standard deviation of Gaussian noise added to the network's output inside the loss, as the
     *                    authors' Fig. 4 notebook trained (MSELoss(x, Wx + 0.1·N(0, 1))); 0 (the paper's text):
     *                    none. It adds zero-mean noise to each minibatch gradient.
     */
    public LinearSgdTrainer(LinearWeights weights, float[] patches, int n, LinearObjective objective,
                            LinearBasis basis, int batch, double lr, long seed, double outputNoise) {
        this.outputNoise = outputNoise;
        this.noiseRng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.weights = weights;
        this.patches = patches;
        this.n = n;
        this.d = weights.dim();
        this.objective = objective;
        this.basis = basis;
        this.batch = Math.min(batch, n);
        this.lr = lr;
        this.rng = new SplittableRandom(seed);
        shuffle();
    }

    private void shuffle() {
        order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        cursor = 0;
    }

    /** Minibatches per epoch. */
    public int batchesPerEpoch() {
        return (n + batch - 1) / batch;
    }

    /** The rows of the next minibatch (reshuffling at the end of an epoch). */
    private float[] nextBatch() {
        if (cursor >= n) {
            shuffle();
        }
        int rows = Math.min(batch, n - cursor);
        float[] x = new float[rows * d];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(patches, order[cursor + r] * d, x, r * d, d);
        }
        cursor += rows;
        return x;
    }

    /** ∇_Wℓ on one minibatch x (rows×d), in W's scope: 2·scale/B·(XWᵀ − X)ᵀX. */
    public static NDArray productGradient(NDArray w, float[] x, int d, LinearObjective objective) {
        return productGradient(w, x, null, d, objective);
    }

    /** The same with output noise N (rows×d, or null) inside the loss: 2·scale/B·(XWᵀ + N − X)ᵀX. */
    static NDArray productGradient(NDArray w, float[] x, float[] noise, int d, LinearObjective objective) {
        NDManager m = w.getManager();
        int rows = x.length / d;
        NDArray xb = m.create(x, new Shape(rows, d)).toType(w.getDataType(), false);
        NDArray err = xb.matMul(w.transpose()).sub(xb);
        if (noise != null) {
            err = err.add(m.create(noise, new Shape(rows, d)).toType(w.getDataType(), false));
        }
        return err.transpose().matMul(xb).mul(2 * objective.scale() / rows);
    }

    @Override
    public void step() {
        float[] x = nextBatch();
        float[] noise = null;
        if (outputNoise > 0) {
            noise = new float[x.length];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) (outputNoise * LinearSyntheticData.gaussian(noiseRng));
            }
        }
        float[] n = noise;
        weights.descend(w -> productGradient(w, x, n, d, objective), lr);
        steps++;
    }

    /** The layer gradients of the minibatch x at the current weights (for tests). */
    public double[][] gradients(float[] x) {
        return weights.gradients(w -> productGradient(w, x, d, objective));
    }

    public LinearWeights weights() {
        return weights;
    }

    @Override
    public LinearMethod method() {
        return LinearMethod.SGD;
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
        return basis.toPc(weights.product());
    }

    @Override
    public double[] productPixel() {
        return weights.product();
    }

    @Override
    public double[][] layersPc() {
        return basis.layersToPc(weights.architecture(), weights.matrices());
    }

    @Override
    public void close() {
        weights.close();
    }
}
