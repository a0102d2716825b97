package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void twoByTwoClosedForm() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {3, 1}, e.values(), 1e-12);
        double s = Math.sqrt(0.5);
        assertArrayEquals(new double[] {s, s}, e.vectors()[0], 1e-12);
    }

    @Test
    void randomSymmetricMatrixIsDecomposed() {
        int n = 150;
        Random r = new Random(7);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = r.nextGaussian();
            }
        }
        a[3][3] += 40; // a well separated top eigenvalue
        SymmetricEigen e = SymmetricEigen.of(a);
        double[] vals = e.values();
        double[][] v = e.vectors();
        double trace = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            trace += a[i][i];
            sum += vals[i];
            if (i > 0) {
                assertTrue(vals[i] <= vals[i - 1], "descending");
            }
        }
        assertEquals(trace, sum, 1e-9);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i][j] * v[k][j];
                }
                assertEquals(vals[k] * v[k][i], s, 1e-9, "A v = λ v");
            }
            for (int m = k; m < n; m += 17) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += v[k][j] * v[m][j];
                }
                assertEquals(m == k ? 1 : 0, dot, 1e-10, "orthonormal");
            }
        }
        assertTrue(Math.abs(v[0][3]) > 0.9, "top eigenvector sits on the boosted coordinate");
    }

    @Test
    void degenerateAndDiagonalMatrices() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{1, 0, 0}, {0, 5, 0}, {0, 0, 1}});
        assertArrayEquals(new double[] {5, 1, 1}, e.values(), 1e-12);
        SymmetricEigen z = SymmetricEigen.of(new double[4][4]);
        assertArrayEquals(new double[4], z.values(), 0);
    }

    /**
     * The patch covariance of a diagonal-stripes image (issue 10, item 6): 32×32 patches of a square wave of
     * period 16 along x + y, at every phase. Its rank is 8 (the wave's odd harmonics 1, 3, 5, 7, each a cos/sin
     * pair), and Householder reduction shrinks its trailing block into the subnormal range, where the unscaled
     * solver produced NaN and "QL did not converge".
     */
    static double[][] stripesCovariance() {
        int side = 32;
        int period = 16;
        int dim = side * side;
        double[][] v = new double[period][dim];
        double[] mean = new double[dim];
        for (int t = 0; t < period; t++) {
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    v[t][i * side + j] = ((t + i + j) % period) < period / 2 ? 0 : 0.5;
                    mean[i * side + j] += v[t][i * side + j] / period;
                }
            }
        }
        double[][] c = new double[dim][dim];
        for (int t = 0; t < period; t++) {
            for (int a = 0; a < dim; a++) {
                double da = v[t][a] - mean[a];
                for (int b = 0; b < dim; b++) {
                    c[a][b] += da * (v[t][b] - mean[b]) / (period - 1);
                }
            }
        }
        return c;
    }

    @Test
    void rankDeficientStripesCovarianceIsDecomposed() {
        double[][] c = stripesCovariance();
        SymmetricEigen e = SymmetricEigen.of(c);
        double[] vals = e.values();
        int n = c.length;
        // independent closed form: the nonzero eigenvalues of C = Σ_t u_t u_tᵀ/(P−1) are those of the P×P Gram
        // matrix of the centred patterns, which is circulant in the phase t, so its eigenvalues are the DFT of
        // its first row
        int period = 16;
        double[] g0 = new double[period];
        for (int t = 0; t < period; t++) {
            for (int a = 0; a < n; a++) {
                int i = a / 32;
                int j = a % 32;
                double u0 = ((i + j) % period < period / 2 ? 0 : 0.5) - 0.25;
                double ut = ((t + i + j) % period < period / 2 ? 0 : 0.5) - 0.25;
                g0[t] += u0 * ut / (period - 1);
            }
        }
        double[] expected = new double[period];
        for (int k = 0; k < period; k++) {
            for (int t = 0; t < period; t++) {
                expected[k] += g0[t] * Math.cos(2 * Math.PI * k * t / period);
            }
        }
        java.util.Arrays.sort(expected);
        double top = vals[0];
        for (int k = 0; k < period; k++) {
            assertEquals(expected[period - 1 - k], vals[k], 1e-12 * top, "eigenvalue " + k);
        }
        for (int k = period; k < n; k++) {
            assertEquals(0, vals[k], 1e-12 * top, "eigenvalue " + k + " of a rank-8 matrix");
        }
        assertEquals(8, java.util.Arrays.stream(vals).filter(x -> x > 1e-9 * top).count(), "rank");
        // A = Σ λ_k v_k v_kᵀ and the vectors are orthonormal
        double[][] v = e.vectors();
        for (int a = 0; a < n; a += 37) {
            for (int b = 0; b < n; b += 29) {
                double s = 0;
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    s += vals[k] * v[k][a] * v[k][b];
                }
                for (int j = 0; j < n; j++) {
                    dot += v[a][j] * v[b][j];
                }
                assertEquals(c[a][b], s, 1e-12 * top);
                assertEquals(a == b ? 1 : 0, dot, 1e-10);
            }
        }
        assertArrayEquals(vals, SymmetricEigen.eigenvalues(c), 1e-12 * top, "eigenvalues without vectors");
    }

    @Test
    void singularValuesMatchAKnownFactorisation() {
        // W = U diag(σ) Vᵀ with Householder-orthogonal U, V; tall, wide and square
        Random r = new Random(3);
        for (int[] shape : new int[][] {{7, 5}, {5, 7}, {6, 6}}) {
            int rows = shape[0];
            int cols = shape[1];
            int k = Math.min(rows, cols);
            double[][] u = householder(rows, r);
            double[][] vt = householder(cols, r);
            double[] sigma = {9, 4, 4, 0.5, 0, 0};
            double[] w = new double[rows * cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    for (int q = 0; q < k; q++) {
                        w[i * cols + j] += u[i][q] * sigma[q] * vt[q][j];
                    }
                }
            }
            double[] got = SymmetricEigen.singularValues(w, rows, cols);
            assertEquals(k, got.length);
            for (int q = 0; q < k; q++) {
                // through the Gram matrix σ² is exact to ε·σ₁²; σ itself only to √ε·σ₁ near 0
                assertEquals(sigma[q] * sigma[q], got[q] * got[q], 1e-13 * 81, shape[0] + "×" + shape[1] + " σ" + q);
            }
        }
    }

    /** A random orthogonal matrix I − 2hhᵀ/hᵀh. */
    static double[][] householder(int n, Random r) {
        double[] h = new double[n];
        double hh = 0;
        for (int i = 0; i < n; i++) {
            h[i] = r.nextGaussian();
            hh += h[i] * h[i];
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = (i == j ? 1 : 0) - 2 * h[i] * h[j] / hh;
            }
        }
        return q;
    }
}
