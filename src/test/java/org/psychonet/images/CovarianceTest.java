package org.psychonet.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.psychonet.scale.SerializingCluster;

/** The exact, mergeable patch covariance behind {@code stats} on one process and on a cluster. */
class CovarianceTest {
    private static final int D = 6;

    private static float[] rows(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * D];
        for (int i = 0; i < n; i++) {
            double z = r.nextGaussian();
            for (int j = 0; j < D; j++) {
                // luma-like: in [0, 1], correlated across j
                x[i * D + j] = (float) Math.min(1, Math.max(0, 0.45 + 0.15 * z * (j + 1) / D + 0.05 * r.nextGaussian()));
            }
        }
        return x;
    }

    /** Against an exact rational computation on the quantized values: equal to a couple of ulps (two roundings). */
    @Test
    void covarianceIsTheExactOneOfTheQuantizedRows() {
        int n = 5000; // more than two blocks
        float[] x = rows(n, 1);
        Covariance c = new Covariance(D);
        c.add(x, 0, 3000);
        c.add(x, 3000 * D, n - 3000);
        double step = Math.scalb(1.0, -20);
        BigDecimal[] s = new BigDecimal[D];
        BigDecimal[][] s2 = new BigDecimal[D][D];
        for (int a = 0; a < D; a++) {
            s[a] = BigDecimal.ZERO;
            for (int b = 0; b < D; b++) {
                s2[a][b] = BigDecimal.ZERO;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < D; a++) {
                BigDecimal qa = new BigDecimal(Math.rint(x[i * D + a] / step));
                s[a] = s[a].add(qa);
                for (int b = 0; b < D; b++) {
                    s2[a][b] = s2[a][b].add(qa.multiply(new BigDecimal(Math.rint(x[i * D + b] / step))));
                }
            }
        }
        double[][] cov = c.covariance();
        BigDecimal bn = BigDecimal.valueOf(n);
        for (int a = 0; a < D; a++) {
            assertEquals(s[a].divide(bn, MathContext.DECIMAL128).doubleValue() * step, c.mean()[a],
                    Math.ulp(c.mean()[a]));
            for (int b = 0; b < D; b++) {
                double want = s2[a][b].multiply(bn).subtract(s[a].multiply(s[b]))
                        .divide(bn.multiply(bn.subtract(BigDecimal.ONE)), MathContext.DECIMAL128).doubleValue()
                        * step * step;
                assertEquals(want, cov[a][b], 2 * Math.ulp(want), "C[" + a + "][" + b + "]");
            }
        }
    }

    /** Quantization moves C by at most step/2·(sd_a + sd_b) + step²/4 from the covariance of the raw floats. */
    @Test
    void quantizationChangesTheCovarianceByLessThanItsBound() {
        int n = 4000;
        float[] x = rows(n, 2);
        Covariance c = new Covariance(D);
        c.add(x, 0, n);
        double[][] cov = c.covariance();
        double[] mean = new double[D];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < D; j++) {
                mean[j] += x[i * D + j] / (double) n;
            }
        }
        double[][] raw = new double[D][D];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < D; a++) {
                for (int b = 0; b < D; b++) {
                    raw[a][b] += (x[i * D + a] - mean[a]) * (x[i * D + b] - mean[b]) / (n - 1);
                }
            }
        }
        double step = Math.scalb(1.0, -20);
        double largest = 0;
        for (int a = 0; a < D; a++) {
            for (int b = 0; b < D; b++) {
                double bound = step / 2 * (Math.sqrt(raw[a][a]) + Math.sqrt(raw[b][b])) + step * step / 4 + 1e-15;
                assertTrue(Math.abs(cov[a][b] - raw[a][b]) <= bound, "C[" + a + "][" + b + "] moved "
                        + Math.abs(cov[a][b] - raw[a][b]) + " > " + bound);
                largest = Math.max(largest, Math.abs(cov[a][b] - raw[a][b]));
            }
        }
        assertTrue(largest > 0, "the quantized rows are not the raw ones");
    }

    /** Rows cut into random partitions, serialized (as executors send them) and merged in any order: same bits. */
    @Test
    void partitionsMergeToTheBitsOfOnePass() throws Exception {
        int n = 7000;
        float[] x = rows(n, 3);
        Covariance whole = new Covariance(D);
        for (int i = 0; i < n; i += 333) {
            whole.add(x, i * D, Math.min(333, n - i));
        }
        double[][] want = whole.covariance();
        Random r = new Random(4);
        for (int trial = 0; trial < 4; trial++) {
            List<Covariance> parts = new ArrayList<>();
            int i = 0;
            while (i < n) {
                int len = Math.min(n - i, 1 + r.nextInt(2500));
                Covariance p = new Covariance(D);
                p.add(x, i * D, len);
                parts.add(SerializingCluster.roundTrip(p));
                i += len;
            }
            Collections.shuffle(parts, r);
            Covariance merged = parts.get(0);
            for (Covariance p : parts.subList(1, parts.size())) {
                merged.merge(p);
            }
            assertEquals(n, merged.count());
            assertArrayEquals(whole.mean(), merged.mean(), 0.0);
            for (int a = 0; a < D; a++) {
                assertArrayEquals(want[a], merged.covariance()[a], 0.0, "trial " + trial + ", " + parts.size()
                        + " parts, row " + a);
            }
        }
    }

    /**
     * More rows than 64-bit moments can hold (n·2⁴² > 2⁶⁴): merged partials carry into the high words and the
     * covariance stays exact. Rows alternate ±(2, −2), the largest values accepted (q = ±2²¹).
     */
    @Test
    void momentsBeyondSixtyFourBitsStayExact() {
        int chunk = 4096;
        float[] x = new float[chunk * 2];
        for (int i = 0; i < chunk; i++) {
            float v = i % 2 == 0 ? 2f : -2f;
            x[2 * i] = v;
            x[2 * i + 1] = -v;
        }
        Covariance base = new Covariance(2);
        base.add(x, 0, chunk);
        Covariance c = new Covariance(2);
        int merges = 3000; // 3000 · 2¹² · 2⁴² ≈ 2⁶⁵·⁶
        for (int k = 0; k < merges; k++) {
            c.merge(base);
        }
        c.add(x, 0, chunk); // and a block product added on top of the carried sums
        long n = (long) (merges + 1) * chunk;
        assertEquals(n, c.count());
        double[][] cov = c.covariance();
        double var = 4.0 * n / (n - 1);
        assertEquals(var, cov[0][0], Math.ulp(var));
        assertEquals(-var, cov[0][1], Math.ulp(var));
        assertEquals(0, c.mean()[0]);
    }

    @Test
    void valuesBeyondTheBoundAreRefused() {
        Covariance c = new Covariance(2);
        assertThrows(IllegalArgumentException.class, () -> c.add(new float[] {0.5f, 2.5f}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> c.add(new float[] {Float.NaN, 0}, 0, 1));
        Covariance wide = Covariance.covering(2, new float[] {-30f, 3f});
        assertEquals(32, wide.bound());
        wide.add(new float[] {-30f, 3f, 30f, -3f}, 0, 2);
        assertEquals(1800, wide.covariance()[0][0], 1e-9);
    }
}
