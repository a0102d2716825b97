package org.psychonet.learning.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The three trainers are the same gradient descent: minibatch means, Σ-based steps and eq. 7 agree. */
class LinearTrainerTest {
    private static final List<LinearArchitecture> ARCHS = List.of(LinearArchitecture.depth(1),
            LinearArchitecture.depth(2), LinearArchitecture.depth(3), LinearArchitecture.symmetricForm());

    private static double relative(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += a[i] * a[i];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void fullBatchGradientIsTheMeanOfOneSgdPassOfMinibatchGradients() {
        int size = 8;
        int d = size * size;
        int n = 4096;
        int batch = 512;
        LinearPatchData data = LinearSyntheticData.powerLaw(size, n, 7);
        LinearObjective obj = LinearObjective.mse(d);
        try (LinearBasis basis = data.basis();
             LinearCovariance sigma = LinearCovariance.ofPatches(data.patches(), n, d)) {
            for (LinearArchitecture arch : ARCHS) {
                // weights away from the small init so that every layer's gradient is sizeable
                double[][] w = LinearInit.uniform(arch, d, 3);
                for (double[] m : w) {
                    for (int i = 0; i < m.length; i++) {
                        m[i] *= 20;
                    }
                }
                double[][] full;
                try (LinearFullBatchTrainer fb = new LinearFullBatchTrainer(
                        new LinearWeights(arch, d, w, DataType.FLOAT64), sigma, obj, basis, 1.0)) {
                    full = fb.gradients();
                }
                double[][] mean = new double[w.length][d * d];
                try (LinearSgdTrainer sgd = new LinearSgdTrainer(new LinearWeights(arch, d, w, DataType.FLOAT64),
                        data.patches(), n, obj, basis, batch, 1.0, 11)) {
                    int batches = n / batch;
                    SplittableRandom rng = new SplittableRandom(5);
                    int[] order = rng.ints(0, Integer.MAX_VALUE).limit(n).toArray();
                    Integer[] idx = new Integer[n];
                    for (int i = 0; i < n; i++) {
                        idx[i] = i;
                    }
                    java.util.Arrays.sort(idx, (a, b) -> Integer.compare(order[a], order[b]));
                    for (int b = 0; b < batches; b++) {
                        float[] x = new float[batch * d];
                        for (int r = 0; r < batch; r++) {
                            System.arraycopy(data.patches(), idx[b * batch + r] * d, x, r * d, d);
                        }
                        double[][] g = sgd.gradients(x);
                        for (int j = 0; j < g.length; j++) {
                            for (int i = 0; i < g[j].length; i++) {
                                mean[j][i] += g[j][i] / batches;
                            }
                        }
                    }
                }
                for (int j = 0; j < full.length; j++) {
                    double rel = relative(full[j], mean[j]);
                    assertTrue(rel < 1e-5, arch.label() + " layer " + (j + 1) + ": relative difference " + rel);
                }
            }
        }
    }

    @Test
    void fullBatchAndEigenTrajectoriesAgreeFromAnAxisAlignedStart() {
        int size = 8;
        int d = size * size;
        LinearPatchData data = LinearSyntheticData.powerLaw(size, 0, 1);
        LinearObjective obj = LinearObjective.mse(d);
        double lr = 20.0;
        try (LinearBasis basis = data.basis();
             LinearCovariance sigma = LinearCovariance.dense(basis.covariance(), d)) {
            for (LinearArchitecture arch : ARCHS) {
                SplittableRandom rng = new SplittableRandom(arch.label().hashCode());
                double[][] gains = new double[arch.matrices()][d];
                double[][] layers = new double[arch.matrices()][];
                for (int j = 0; j < gains.length; j++) {
                    double[] diag = new double[d * d];
                    for (int i = 0; i < d; i++) {
                        gains[j][i] = 0.2 + 0.3 * rng.nextDouble();
                        diag[i * d + i] = gains[j][i];
                    }
                    layers[j] = basis.toPixel(diag); // W_j = U diag(g_j) Uᵀ
                }
                try (LinearFullBatchTrainer fb = new LinearFullBatchTrainer(
                        new LinearWeights(arch, d, layers, DataType.FLOAT64), sigma, obj, basis, lr);
                     LinearEigenTrainer eig = new LinearEigenTrainer(arch, gains, data.eigenvalues(), obj, basis, lr)) {
                    double worst = 0;
                    for (int s = 1; s <= 300; s++) {
                        fb.step();
                        eig.step();
                        if (s % 50 == 0) {
                            double[] a = fb.productPc();
                            double[] b = eig.productPc();
                            worst = Math.max(worst, relative(b, a));
                        }
                    }
                    double[] sv = eig.singularValues();
                    assertTrue(sv[0] > 0.9, arch.label() + ": PC1 should be nearly learned, σ1 = " + sv[0]);
                    assertTrue(worst < 1e-5, arch.label() + ": fullbatch and eigen differ by " + worst);
                }
            }
        }
    }

    @Test
    void pcBasisAndPixelBasisFullBatchAreTheSameTrajectory() {
        int size = 8;
        int d = size * size;
        LinearPatchData data = LinearSyntheticData.powerLaw(size, 0, 1);
        LinearObjective obj = LinearObjective.mse(d);
        try (LinearBasis basis = data.basis();
             LinearCovariance dense = LinearCovariance.dense(basis.covariance(), d);
             LinearCovariance diag = LinearCovariance.diagonal(data.eigenvalues())) {
            for (LinearArchitecture arch : ARCHS) {
                double[][] w0 = LinearInit.uniform(arch, d, 9);
                try (LinearFullBatchTrainer pixel = new LinearFullBatchTrainer(
                        new LinearWeights(arch, d, w0, DataType.FLOAT64), dense, obj, basis, 20);
                     LinearFullBatchTrainer pc = new LinearFullBatchTrainer(
                        new LinearWeights(arch, d, basis.layersToPc(arch, w0), DataType.FLOAT64), diag, obj, basis,
                             20)) {
                    assertTrue(relative(pixel.productPc(), pc.productPc()) < 1e-10, arch.label() + " at start");
                    for (int s = 0; s < 200; s++) {
                        pixel.step();
                        pc.step();
                    }
                    double rel = relative(pixel.productPc(), pc.productPc());
                    assertTrue(rel < 1e-8, arch.label() + ": bases differ by " + rel);
                    assertTrue(relative(pixel.productPixel(), pc.productPixel()) < 1e-8);
                }
            }
        }
    }

    @Test
    void singularValuesOfARotatedDiagonalMatrix() {
        int d = 40;
        SplittableRandom rng = new SplittableRandom(3);
        double[] sv = new double[d];
        for (int i = 0; i < d; i++) {
            sv[i] = rng.nextDouble() * 3;
        }
        double[] v = new double[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            v[i] = rng.nextGaussian();
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        double[] h = new double[d * d]; // Householder reflection: orthogonal
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                h[i * d + j] = (i == j ? 1 : 0) - 2 * v[i] * v[j] / (norm * norm);
            }
        }
        double[] w = new double[d * d]; // H·diag(±sv): singular values |sv|
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                w[i * d + j] = h[i * d + j] * (j % 2 == 0 ? sv[j] : -sv[j]);
            }
        }
        double[] got = LinearSingularValues.of(w, d);
        double[] want = sv.clone();
        java.util.Arrays.sort(want);
        for (int i = 0; i < d; i++) {
            assertEquals(want[d - 1 - i], got[i], 1e-9, "singular value " + i);
        }
    }
}
