package org.psychonet.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void studentTQuantilesMatchPublishedTables() {
        // two-sided 95% critical values (e.g. NIST/SEMATECH e-Handbook, Table 1.4.2.8.3.7)
        assertEquals(12.706, Statistics.tQuantile(0.975, 1), 1e-3);
        assertEquals(4.303, Statistics.tQuantile(0.975, 2), 1e-3);
        assertEquals(2.228, Statistics.tQuantile(0.975, 10), 1e-3);
        assertEquals(2.042, Statistics.tQuantile(0.975, 30), 1e-3);
        assertEquals(1.960, Statistics.tQuantile(0.975, 100_000), 1e-3);
        assertEquals(-2.228, Statistics.tQuantile(0.025, 10), 1e-3);
        assertEquals(0.5, Statistics.tCdf(0, 7), 1e-15);
    }

    @Test
    void pearsonIsNaNForConstantInputAndSignedOtherwise() {
        double[] c = {0.2, 0.2, 0.2, 0.2};
        double[] x = {1, 2, 3, 4};
        assertTrue(Double.isNaN(Statistics.pearson(c, x)));
        assertTrue(Double.isNaN(Statistics.pearson(x, c)));
        assertEquals(1, Statistics.pearson(x, new double[] {3, 5, 7, 9}), 1e-15);
        assertEquals(-1, Statistics.pearson(x, new double[] {4, 3, 2, 1}), 1e-15);
        // textbook value: r of (1,2,3,4,5) and (2,4,5,4,5) = 0.7745967
        assertEquals(0.7745967, Statistics.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5}), 1e-7);
    }

    @Test
    void spearmanUsesAverageRanksForTies() {
        assertEquals(1.0, Statistics.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 25, 100}), 1e-12);
        assertEquals(-1.0, Statistics.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        // ties: ranks (1, 2.5, 2.5, 4) vs (1, 2, 3, 4): r = 0.9486833
        assertEquals(0.9486833, Statistics.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}), 1e-7);
    }

    @Test
    void lineConfidenceIntervalCoversTheTrueSlopeAtItsNominalRate() {
        Random rng = new Random(1);
        int covered = 0;
        int trials = 2000;
        for (int t = 0; t < trials; t++) {
            double[] x = new double[8];
            double[] y = new double[8];
            for (int i = 0; i < 8; i++) {
                x[i] = i;
                y[i] = 1 + 0.5 * i + rng.nextGaussian();
            }
            Statistics.Line l = Statistics.line(x, y);
            if (l.slopeLow() <= 0.5 && 0.5 <= l.slopeHigh()) {
                covered++;
            }
        }
        // binomial(2000, 0.95): s.d. ≈ 0.0049, so ±0.015 is 3 s.d.
        assertEquals(0.95, covered / (double) trials, 0.015);
    }

    @Test
    void exactLineHasZeroResidualAndPowerLawRecoversItsExponent() {
        Statistics.Line l = Statistics.line(new double[] {0, 1, 2}, new double[] {1, 3, 5});
        assertEquals(2, l.slope(), 1e-12);
        assertEquals(1, l.intercept(), 1e-12);
        assertEquals(1, l.r2(), 1e-12);
        double[] k = new double[50];
        double[] v = new double[50];
        for (int i = 0; i < 50; i++) {
            k[i] = i + 1;
            v[i] = 3 * Math.pow(k[i], -1.3);
        }
        assertEquals(-1.3, Statistics.powerLaw(k, v).slope(), 1e-12);
    }

    @Test
    void circularLagFindsAKnownShiftInBothDirections() {
        int n = 360;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.exp(-0.5 * Math.pow(Math.min(i, n - i) / 10.0, 2)) + 0.3 * Math.cos(3 * i * Math.PI / 180);
        }
        for (int i = 0; i < n; i++) {
            b[(i + 77) % n] = a[i];
        }
        assertEquals(77, Statistics.circularLag(a, b));
        assertEquals(-77, Statistics.circularLag(b, a));
        assertEquals(-170, Statistics.wrap(190, 360), 1e-12);
        assertEquals(180, Statistics.wrap(180, 360), 1e-12);
    }

    @Test
    void pairedEstimateRemovesSharedSeedVariation() {
        double[] base = {1.0, 1.5, 0.7, 1.2, 0.9};
        double[] shifted = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            shifted[i] = base[i] + 0.05 + 0.001 * i;
        }
        Estimate unpaired = Estimate.of(shifted);
        Estimate paired = Estimate.paired(shifted, base);
        assertEquals(0.052, paired.mean(), 1e-12);
        assertTrue(paired.se() < 0.01 * unpaired.se(), "paired s.e. " + paired.se() + " vs " + unpaired.se());
        assertEquals(5, paired.n());
        assertTrue(Double.isNaN(Estimate.single(3).se()));
    }
}
