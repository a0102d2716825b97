package org.psychonet.learning.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LayerAlignmentTest {

    /** Row-major d×d orthogonal matrix from Gram–Schmidt on Gaussian columns. */
    private static double[] orthogonal(int d, Random r) {
        double[][] q = new double[d][d];
        for (int j = 0; j < d; j++) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = r.nextGaussian();
            }
            for (int p = 0; p < j; p++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += v[i] * q[p][i];
                }
                for (int i = 0; i < d; i++) {
                    v[i] -= dot * q[p][i];
                }
            }
            double n = 0;
            for (double x : v) {
                n += x * x;
            }
            for (int i = 0; i < d; i++) {
                q[j][i] = v[i] / Math.sqrt(n);
            }
        }
        double[] m = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m[i * d + j] = q[j][i]; // column j = q_j
            }
        }
        return m;
    }

    private static double[] times(double[] a, double[] b, int d) {
        double[] c = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += a[i * d + k] * b[k * d + j];
                }
                c[i * d + j] = s;
            }
        }
        return c;
    }

    private static double[] transpose(double[] a, int d) {
        double[] t = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[j * d + i] = a[i * d + j];
            }
        }
        return t;
    }

    private static double[] diag(double[] g, int d) {
        double[] m = new double[d * d];
        for (int i = 0; i < d; i++) {
            m[i * d + i] = g[i];
        }
        return m;
    }

    @Test
    void alignedLayersHaveCosineOneAndRandomLayersNearZero() {
        int d = 12;
        Random r = new Random(1);
        double[] r1 = orthogonal(d, r);
        double[] r2 = orthogonal(d, r);
        double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = 0.1 + 0.05 * i;
        }
        // L1 = R1 G, L2 = R2 G R1ᵀ, L3 = G R2ᵀ: shared singular vectors, product diagonal in the PC basis
        double[][] aligned = {times(r1, diag(g, d), d), times(times(r2, diag(g, d), d), transpose(r1, d), d),
            times(diag(g, d), transpose(r2, d), d)};
        double[] c = LayerAlignment.cosines(aligned, d, 5);
        for (double v : c) {
            assertEquals(1, v, 1e-12);
        }
        double[][] random = new double[3][d * d];
        for (double[] m : random) {
            for (int i = 0; i < m.length; i++) {
                m[i] = r.nextGaussian();
            }
        }
        double mean = 0;
        for (double v : LayerAlignment.cosines(random, d, d)) {
            mean += Math.abs(v) / d;
        }
        assertTrue(mean < 0.5, "random layers look aligned: mean |cos| = " + mean);
    }
}
