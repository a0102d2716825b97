package org.psychonet.learning.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TwoSegmentFitTest {

    @Test
    void recoversAnElbowBetweenGridPoints() {
        double[] f = new double[91];
        double[] t = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = 1 + 0.1 * i;
            t[i] = 0.02 + 0.3 * Math.max(0, f[i] - 4.337);
        }
        TwoSegmentFit fit = TwoSegmentFit.fit(f, t);
        assertEquals(4.337, fit.elbow(), 1e-6);
        assertEquals(0.02, fit.level(), 1e-9);
        assertEquals(0.3, fit.slope(), 1e-9);
        assertEquals(1, fit.r2(), 1e-12);
        assertTrue(fit.lineR2() < 0.95, "a single line should not fit a hinge: " + fit.lineR2());
    }

    @Test
    void aConvexCurveIsNotAPerfectHinge() {
        // thresholds rising exponentially above the elbow (as deep networks' do) fit a hinge less well
        double[] f = new double[91];
        double[] t = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = 1 + 0.1 * i;
            t[i] = 0.02 + Math.max(0, Math.exp(f[i] - 4) - 1);
        }
        TwoSegmentFit fit = TwoSegmentFit.fit(f, t);
        assertTrue(fit.r2() < 0.99 && fit.r2() > 0.5, "R² " + fit.r2());
    }

    @Test
    void elbowsMoveUpAndSnapshotsOutsideTheWindowAreSkipped() {
        double[] f = new double[101];
        for (int i = 0; i < f.length; i++) {
            f[i] = 0.5 + 0.1 * i;
        }
        double[] elbows = {2, 3, 4, 5, 6};
        long[] steps = {0, 50, 100, 150, 200, 250, 300};
        double[][] th = new double[steps.length][f.length];
        for (int i = 0; i < f.length; i++) {
            th[0][i] = 5;      // nothing learned: no elbow in the window
            th[6][i] = 0.05;   // everything learned
            for (int s = 0; s < elbows.length; s++) {
                th[s + 1][i] = 0.05 + 0.2 * Math.max(0, f[i] - elbows[s]);
            }
        }
        ThresholdElbows e = ThresholdElbows.of(f, steps, th, 0.1, 1, 10);
        assertEquals(5, e.steps().length);
        assertEquals(1.0, e.elbowTrend(), 1e-12);
        assertEquals(1.0, e.meanR2(), 1e-9);
        for (int s = 0; s < elbows.length; s++) {
            assertEquals(elbows[s], e.fits().get(s).elbow(), 1e-6);
        }
    }
}
