package org.psychonet.learning.linear;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.psychonet.util.InvalidInputException;
import org.psychonet.util.Statistics;

/**
 * Eqs 9–11 (Results: "for two features with equal correlation with the output labels but different variance in
 * the inputs, the network will learn to use the higher-variance feature first"): a linear network Ŷ = W_N⋯W_1X
 * trained by gradient descent on the squared error to targets Y. Input feature i has variance λ_i; output i is
 * correlated with it and with nothing else, with the same Pearson correlation ρ for every informative feature:
 * x_i = √λ_i·z_i, y_i = ρ·z_i + √(1 − ρ²)·ε_i (z, ε standard normal). Then Σxy is diagonal with t_i = ρ√λ_i, and
 * eq. 11 has each singular value σ_i = W_ii approach t_i/λ_i at a rate set by λ_i: higher-variance features are
 * learned first. One feature of the largest variance and ρ = 0 is orthogonal to the task and should not be learned
 * at all ("if a feature is orthogonal to the task, it is still not learned by the network").
 *
 * <p>The run records what the theory needs to be overlaid (org.psychonet.theory.SupervisedLinearTheory): λ_i and
 * t_i from the sample's own covariances and each mode's initial state; nothing is fitted.
 */
public final class SupervisedLinear {
    private SupervisedLinear() {
    }

    /**
     * @param depth        N, layers
     * @param variances    λ_i of the informative features (distinct)
     * @param correlation  ρ shared by the informative features
     * @param orthogonal   variance of one extra feature with ρ = 0 (0: none)
     * @param samples      examples in the training set
     * @param batch        minibatch for SGD (0: full-batch gradient descent on the whole set)
     * @param steps        gradient steps
     * @param learningRate η (0: automatic, 0.12/(2·scale·max λ))
     * @param trackEvery   steps between recorded points
     */
    public record Config(int depth, double[] variances, double correlation, double orthogonal, int samples, int batch,
                         long steps, double learningRate, int trackEvery) {

        /**
         * Five informative features with variances a factor 2 apart, ρ = 0.8, and an orthogonal feature of twice
         * the largest variance; 8,192 examples, minibatch SGD (batch 256), 3,000 steps. Chosen before any run for
         * the slowest informative feature to approach its asymptote at depth 2.
         */
        public static Config defaults(int depth) {
            return new Config(depth, new double[] {4, 2, 1, 0.5, 0.25}, 0.8, 8, 8192, 256, 3000, 0, 10);
        }

        public int features() {
            return variances.length + (orthogonal > 0 ? 1 : 0);
        }

        public void validate() {
            InvalidInputException.requireParameter(depth >= 1 && depth <= 8, "depth", "must be 1 to 8");
            InvalidInputException.requireParameter(variances.length >= 2, "variances", "needs at least two features");
            for (double v : variances) {
                InvalidInputException.requireParameter(v > 0 && Double.isFinite(v), "variances", "must be positive");
            }
            InvalidInputException.requireParameter(correlation > 0 && correlation < 1, "correlation",
                    "must be in (0, 1)");
            InvalidInputException.requireParameter(orthogonal >= 0, "orthogonal", "must be 0 (none) or a variance");
            InvalidInputException.requireParameter(samples >= 2 * features(), "samples", "must be at least twice the "
                    + "number of features");
            InvalidInputException.requireParameter(batch >= 0 && batch <= samples, "batch", "must be 0 (full batch) "
                    + "or at most the number of samples");
            InvalidInputException.requireParameter(steps >= 1, "steps", "must be at least 1");
            InvalidInputException.requireParameter(learningRate >= 0 && Double.isFinite(learningRate), "learningRate",
                    "must be 0 (automatic) or a positive number");
            InvalidInputException.requireParameter(trackEvery >= 1, "trackEvery", "must be at least 1");
        }
    }

    /**
     * One trained network.
     *
     * @param depth       N
     * @param lambda      sample variance of each feature (informative first, then the orthogonal one)
     * @param target      sample input–output covariance t_i
     * @param asymptote   t_i/λ_i
     * @param times       t = η × step at each recorded point
     * @param sigma       [feature][point]: W_ii
     * @param start       W(0)_ii per feature
     * @param startNorm   ‖W(0)e_i‖ per feature (eq. 10's σ(0) at depth ≥ 3)
     * @param startInOut  ‖W_1e_i‖² + ‖W_2ᵀe_i‖² per feature at depth 2 (0 otherwise)
     * @param informative number of informative features (the first ones)
     * @param halfTimes   time each informative feature reaches half its asymptote (NaN: never)
     * @param order       Spearman ρ between λ and the half-time over the informative features (−1: strictly
     *                    higher variance first)
     * @param orthogonalPeak max over training of |σ| of the orthogonal feature, relative to the smallest informative
     *                    asymptote (NaN without one)
     * @param learningRate the step size used
     * @param scale       the loss's scale (1/k: mean over outputs)
     */
    public record Run(long seed, int depth, double[] lambda, double[] target, double[] asymptote, double[] times,
                      double[][] sigma, double[] start, double[] startNorm, double[] startInOut, int informative,
                      double[] halfTimes, double order, double orthogonalPeak, double learningRate, double scale) {

        /** σ_i/σ_i* of the informative features, [feature][point]. */
        public double[][] fractions(double[][] curves) {
            double[][] f = new double[informative][];
            for (int i = 0; i < informative; i++) {
                f[i] = divide(curves[i], asymptote[i]);
            }
            return f;
        }
    }

    public static Run run(Config c, long seed) {
        c.validate();
        int k = c.features();
        int m = c.variances().length;
        int n = c.samples();
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 11);
        double[] x = new double[n * k];
        double[] y = new double[n * k];
        double rho = c.correlation();
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < k; i++) {
                double z = LinearSyntheticData.gaussian(rng);
                double e = LinearSyntheticData.gaussian(rng);
                double var = i < m ? c.variances()[i] : c.orthogonal();
                x[s * k + i] = Math.sqrt(var) * z;
                y[s * k + i] = i < m ? rho * z + Math.sqrt(1 - rho * rho) * e : e;
            }
        }
        double[] sxx = new double[k * k];
        double[] syx = new double[k * k];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    sxx[i * k + j] += x[s * k + i] * x[s * k + j] / n;
                    syx[i * k + j] += y[s * k + i] * x[s * k + j] / n;
                }
            }
        }
        double[] lambda = new double[k];
        double[] target = new double[k];
        double[] asym = new double[k];
        for (int i = 0; i < k; i++) {
            lambda[i] = sxx[i * k + i];
            target[i] = syx[i * k + i];
            asym[i] = target[i] / lambda[i];
        }
        double scale = 1.0 / k; // mean over outputs, as PyTorch's MSELoss
        double maxLambda = Arrays.stream(lambda).max().orElseThrow();
        double lr = c.learningRate() > 0 ? c.learningRate() : 0.12 / (2 * scale * maxLambda);
        LinearArchitecture arch = LinearArchitecture.depth(c.depth());
        double[][] w0 = LinearInit.uniform(arch, k, seed * 1_000_003L + 7);
        int points = (int) (c.steps() / c.trackEvery()) + 1 + (c.steps() % c.trackEvery() == 0 ? 0 : 1);
        double[] times = new double[points];
        double[][] sigma = new double[k][points];
        SplittableRandom order = new SplittableRandom(seed + 1);
        int[] perm = identity(n);
        int cursor = n;
        try (NDManager manager = NDManager.newBaseManager();
             LinearWeights w = new LinearWeights(arch, k, w0, DataType.FLOAT64)) {
            NDArray sxxA = manager.create(sxx, new Shape(k, k));
            NDArray syxA = manager.create(syx, new Shape(k, k));
            int p = 0;
            for (long step = 0; ; step++) {
                boolean last = step == c.steps();
                if (step % c.trackEvery() == 0 || last) {
                    double[] prod = w.product();
                    times[p] = lr * step;
                    for (int i = 0; i < k; i++) {
                        sigma[i][p] = prod[i * k + i];
                    }
                    p++;
                }
                if (last) {
                    break;
                }
                if (c.batch() == 0) {
                    w.descend(wp -> fullBatchGradient(wp, sxxA, syxA, scale), lr);
                } else {
                    if (cursor + c.batch() > n) {
                        shuffle(perm, order);
                        cursor = 0;
                    }
                    double[] xb = new double[c.batch() * k];
                    double[] yb = new double[c.batch() * k];
                    for (int r = 0; r < c.batch(); r++) {
                        System.arraycopy(x, perm[cursor + r] * k, xb, r * k, k);
                        System.arraycopy(y, perm[cursor + r] * k, yb, r * k, k);
                    }
                    cursor += c.batch();
                    int b = c.batch();
                    w.descend(wp -> batchGradient(wp, xb, yb, b, k, scale), lr);
                }
            }
        }
        double[] prod0;
        try (LinearWeights start = new LinearWeights(arch, k, w0, DataType.FLOAT64)) {
            prod0 = start.product();
        }
        double[] s0 = new double[k];
        double[] n0 = new double[k];
        double[] q0 = new double[k];
        for (int i = 0; i < k; i++) {
            s0[i] = prod0[i * k + i];
            for (int r = 0; r < k; r++) {
                n0[i] += prod0[r * k + i] * prod0[r * k + i];
                if (c.depth() == 2) {
                    q0[i] += w0[0][r * k + i] * w0[0][r * k + i] + w0[1][i * k + r] * w0[1][i * k + r];
                }
            }
            n0[i] = Math.sqrt(n0[i]);
        }
        double[] half = new double[m];
        for (int i = 0; i < m; i++) {
            half[i] = LearningCurves.crossing(times, divide(sigma[i], asym[i]), 0.5);
        }
        double[] lam = Arrays.copyOf(lambda, m);
        double rhoOrder = Arrays.stream(half).allMatch(Double::isFinite) ? Statistics.spearman(lam, half) : Double.NaN;
        double peak = Double.NaN;
        if (k > m) {
            double minAsym = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                minAsym = Math.min(minAsym, asym[i]);
            }
            double mx = 0;
            for (double v : sigma[m]) {
                mx = Math.max(mx, Math.abs(v));
            }
            peak = mx / minAsym;
        }
        return new Run(seed, c.depth(), lambda, target, asym, times, sigma, s0, n0, q0, m, half, rhoOrder, peak, lr,
                scale);
    }

    /** ∇_Wℓ = 2·scale·(WΣxx − Σyx) on the whole training set. */
    static NDArray fullBatchGradient(NDArray w, NDArray sxx, NDArray syx, double scale) {
        return w.matMul(sxx.toType(w.getDataType(), false)).sub(syx.toType(w.getDataType(), false)).mul(2 * scale);
    }

    /** ∇_Wℓ on a minibatch (rows × k): 2·scale/B·(XWᵀ − Y)ᵀX. */
    static NDArray batchGradient(NDArray w, double[] xb, double[] yb, int rows, int k, double scale) {
        NDManager m = w.getManager();
        NDArray xa = m.create(xb, new Shape(rows, k)).toType(w.getDataType(), false);
        NDArray ya = m.create(yb, new Shape(rows, k)).toType(w.getDataType(), false);
        NDArray err = xa.matMul(w.transpose()).sub(ya);
        return err.transpose().matMul(xa).mul(2 * scale / rows);
    }

    private static double[] divide(double[] v, double by) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] / by;
        }
        return r;
    }

    private static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
