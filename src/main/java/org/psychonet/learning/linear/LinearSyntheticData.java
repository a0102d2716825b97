package org.psychonet.learning.linear;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Gaussian patches with a known power-law covariance: eigenvectors are the orthonormal 2-D DCT-II basis
 * functions ordered by spatial frequency (as the PCs of natural images roughly are), eigenvalues
 * λ_r = λ_1 · r^(−α) for rank r = 1, 2, … The exact spectrum makes it the reference for the theory tests.
 */
public final class LinearSyntheticData {
    private LinearSyntheticData() {
    }

    /** λ_1 = 0.01·d and α = 1 — a 1/f² power spectrum has λ ∝ 1/rank. */
    public static LinearPatchData powerLaw(int size, int count, long seed) {
        return powerLaw(size, count, 0.01 * size * size, 1.0, seed);
    }

    /**
     * @param size    patch side
     * @param count   patches to draw (0: the exact Σ only)
     * @param lambda1 variance of the first PC
     * @param alpha   power-law exponent of the spectrum
     */
    public static LinearPatchData powerLaw(int size, int count, double lambda1, double alpha, long seed) {
        int d = size * size;
        double[] components = dctBasis(size);
        double[] lambda = new double[d];
        for (int r = 0; r < d; r++) {
            lambda[r] = lambda1 * Math.pow(r + 1, -alpha);
        }
        float[] patches = count > 0 ? sample(components, lambda, count, seed) : null;
        return new LinearPatchData("synthetic power law λ_r = " + lambda1 + "·r^-" + alpha, size, count, patches,
                lambda, components);
    }

    /** Orthonormal 2-D DCT-II basis, row r = r-th function, ordered by kx² + ky² (then ky, kx). */
    public static double[] dctBasis(int n) {
        int d = n * n;
        Integer[] idx = new Integer[d];
        for (int i = 0; i < d; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingInt(k -> (k / n) * (k / n) + (k % n) * (k % n))
                .thenComparingInt(k -> k / n).thenComparingInt(k -> k % n));
        double[] b = new double[d * d];
        for (int r = 0; r < d; r++) {
            int ky = idx[r] / n;
            int kx = idx[r] % n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b[r * d + i * n + j] = dct(n, ky, i) * dct(n, kx, j);
                }
            }
        }
        return b;
    }

    private static double dct(int n, int k, int j) {
        double a = k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
        return a * Math.cos(Math.PI * (2 * j + 1) * k / (2.0 * n));
    }

    /** x = Σ_r √λ_r z_r u_r with z ~ N(0, 1): rows Z·diag(√λ)·U in chunks. */
    private static float[] sample(double[] components, double[] lambda, int count, long seed) {
        int d = lambda.length;
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[count * d];
        int chunk = Math.max(1, (1 << 20) / d);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray basis = m.create(components, new Shape(d, d));
            double[] scale = new double[d];
            for (int r = 0; r < d; r++) {
                scale[r] = Math.sqrt(lambda[r]);
            }
            NDArray sd = m.create(scale, new Shape(1, d));
            for (int start = 0; start < count; start += chunk) {
                int rows = Math.min(chunk, count - start);
                double[] z = new double[rows * d];
                for (int i = 0; i < z.length; i++) {
                    z[i] = gaussian(rng);
                }
                try (NDManager s = m.newSubManager()) {
                    NDArray zz = s.create(z, new Shape(rows, d));
                    float[] x = zz.mul(sd).matMul(basis).toType(DataType.FLOAT32, false).toFloatArray();
                    System.arraycopy(x, 0, out, start * d, x.length);
                }
            }
        }
        // centre on the sample mean, as real patches are
        double[] mean = new double[d];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += out[i * d + j];
            }
        }
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] -= (float) (mean[j] / count);
            }
        }
        return out;
    }

    /** A standard normal draw (Box–Muller on two uniforms). */
    public static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
