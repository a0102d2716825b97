package org.psychonet.learning.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcuityGrowthTest {

    @Test
    void recoversThePowerAndLeavesOutUndefinedAndCensoredSnapshots() {
        int n = 30;
        double[] t = new double[n];
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 50 * i;
            a[i] = 0.3 * Math.pow(t[i], 0.5);
        }
        a[1] = Double.NaN; // nothing below the cutoff yet
        double top = 0.3 * Math.pow(50 * 25, 0.5);
        AcuityGrowth g = AcuityGrowth.fit(t, a, top); // t = 0 and i ≥ 25 (at or above the top) left out
        assertEquals(0.5, g.exponent(), 1e-12);
        assertEquals(23, g.points());
        assertEquals(5, g.censored());
        assertEquals(1, g.r2(), 1e-12);
        // the authors' plot (acuity² against t) is exactly linear for γ = ½, the text's reading (acuity) is not
        assertEquals(1, g.squaredR2(), 1e-12);
        assertTrue(g.linearR2() < 0.99);
        assertEquals(0.5, AcuityGrowth.scalingExponent(1), 0);
    }

    @Test
    void confidenceIntervalWidensWithNoiseAndCoversTheTruth() {
        java.util.Random r = new java.util.Random(3);
        int n = 40;
        double[] t = new double[n];
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i + 1;
            a[i] = Math.pow(t[i], 0.7) * Math.exp(0.05 * r.nextGaussian());
        }
        AcuityGrowth g = AcuityGrowth.fit(t, a, 1e9);
        assertTrue(g.low() < 0.7 && 0.7 < g.high(), g.low() + " .. " + g.high());
        assertTrue(g.halfWidth() > 0.005 && g.halfWidth() < 0.1, "half-width " + g.halfWidth());
        assertTrue(Double.isNaN(AcuityGrowth.fit(new double[] {1, 2, 3}, new double[] {1, 2, 3}, 10).exponent()));
    }

    @Test
    void fitTogetherUsesTheSnapshotsValidInBoth() {
        double[] t = {1, 2, 3, 4, 5, 6, 7};
        double[] a = {Double.NaN, 2, 3, 4, 5, 6, 7};
        double[] b = {1, 4, 9, 16, 25, 36, 100};
        AcuityGrowth[] g = AcuityGrowth.fitTogether(t, a, b, 50);
        assertEquals(5, g[0].points()); // t = 1 (a undefined) and t = 7 (b censored) dropped from both
        assertEquals(5, g[1].points());
        assertEquals(1, g[0].exponent(), 1e-12);
        assertEquals(2, g[1].exponent(), 1e-12);
    }
}
