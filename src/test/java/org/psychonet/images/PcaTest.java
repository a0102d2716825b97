package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    /**
     * Streaming covariance (exact integer moments of values quantized to bound·2⁻²⁰, blocks of 2048, PyTorch float64
     * products) against a direct sum over the raw floats: equal within the quantization (values up to 32 here:
     * a step of 3·10⁻⁵).
     */
    @Test
    void streamedCovarianceMatchesDirectComputation() {
        int n = 9000; // more than two blocks
        int d = 12;
        Random r = new Random(1);
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            double z = r.nextGaussian();
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (5 + 0.5 * z * (j + 1) + r.nextGaussian() * 0.1 * j);
            }
        }
        Covariance c = Covariance.covering(d, x);
        c.add(x, 0, 5000);
        c.add(x, 5000 * d, n - 5000);
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        assertArrayEquals(mean, c.mean(), 1e-6);
        double[][] cov = c.covariance();
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (x[i * d + a] - mean[a]) * (x[i * d + b] - mean[b]);
                }
                assertEquals(s / (n - 1), cov[a][b], 2e-6 * (1 + Math.abs(s / n)));
            }
        }
    }

    @Test
    void pcaOfPatchesRecoversAPlantedDirection() {
        int n = 3000;
        int size = 4;
        int d = size * size;
        Random r = new Random(2);
        double[] u = new double[d];
        for (int j = 0; j < d; j++) {
            u[j] = (j % 2 == 0 ? 1 : -1) / 4.0; // unit norm
        }
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            double z = 3 * r.nextGaussian();
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (0.5 + z * u[j] + 0.1 * r.nextGaussian());
            }
        }
        Pca pca = Pca.fit(new Patches(n, size, x, 1, 0));
        double[] ev = pca.eigenvalues();
        assertEquals(9 + 0.01, ev[0], 0.6);
        assertEquals(0.01, ev[d - 1], 0.004);
        double dot = 0;
        for (int j = 0; j < d; j++) {
            dot += pca.components()[0][j] * u[j];
        }
        assertTrue(Math.abs(dot) > 0.999, "first PC along the planted direction: " + dot);
        assertEquals(Math.sqrt(ev[0] * (n - 1)), pca.singularValues()[0], 1e-9);
    }

    @Test
    void powerLawFitIsExactOnAPowerLaw() {
        double[] y = new double[1000];
        for (int k = 1; k <= y.length; k++) {
            y[k - 1] = 3 * Math.pow(k, -1.25);
        }
        PowerLaw f = PowerLaw.fit(y, 10, 500);
        assertEquals(-1.25, f.exponent(), 1e-12);
        assertEquals(1, f.r2(), 1e-12);
        assertEquals(3 * Math.pow(20, -1.25), f.at(20), 1e-12);
        y[99] = 10; // one outlier lowers R²
        assertTrue(PowerLaw.fit(y, 10, 500).r2() < 1);
    }

    @Test
    void patchSamplerIsDeterministicAndShaped() {
        ImageSource w = ImageSources.parse("world:size=48,count=30");
        Patches a = PatchSampler.sample(w, 100, 8, 5);
        Patches b = PatchSampler.sample(w, 100, 8, 5);
        Patches c = PatchSampler.sample(w, 100, 8, 6);
        assertEquals(100, a.count());
        assertEquals(64, a.dim());
        assertEquals(100 * 64, a.data().length);
        assertArrayEquals(a.data(), b.data());
        assertTrue(!java.util.Arrays.equals(a.data(), c.data()), "another seed gives other patches");
        for (float v : a.data()) {
            assertTrue(v >= 0 && v <= 1);
        }
        assertEquals(30, a.imagesUsed(), "100 patches spread over all 30 images");
        Patches few = PatchSampler.sample(w, 10, 8, 5);
        assertEquals(10, few.imagesUsed(), "10 patches from 10 distinct images");
    }
}
