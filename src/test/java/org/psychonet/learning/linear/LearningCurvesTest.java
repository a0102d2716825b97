package org.psychonet.learning.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearningCurvesTest {

    private static double[] times(int n, double dt) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * dt;
        }
        return t;
    }

    @Test
    void crossingInterpolatesAndIsNaNWhenNeverReached() {
        double[] t = {0, 1, 2, 3};
        assertEquals(1.5, LearningCurves.crossing(t, new double[] {0, 0.2, 0.8, 0.9}, 0.5), 1e-12);
        assertTrue(Double.isNaN(LearningCurves.crossing(t, new double[] {0, 0.1, 0.2, 0.3}, 0.5)));
        assertEquals(0, LearningCurves.crossing(t, new double[] {0.7, 0.8, 0.9, 1}, 0.5), 0);
    }

    @Test
    void orderRanksOnlyTheCurvesThatAreLearned() {
        // exponentials 1 − e^(−κ_i t) with κ falling with the index: learned in order; the last two never reach
        // 0.5 within the run and must not enter the statistic (they would add ties at the end, or noise)
        double[] t = times(200, 0.05);
        double[] kappa = {8, 4, 2, 1, 0.5, 0.01, 0.005};
        double[][] p = new double[kappa.length][t.length];
        for (int i = 0; i < kappa.length; i++) {
            for (int j = 0; j < t.length; j++) {
                p[i][j] = 1 - Math.exp(-kappa[i] * t[j]);
            }
        }
        LearningCurves.Order o = LearningCurves.order(t, p, 0.5, 3);
        assertEquals(5, o.reached());
        assertEquals(1.0, o.spearman(), 1e-12);
        // swap two curves: the order statistic must drop
        double[] tmp = p[0];
        p[0] = p[3];
        p[3] = tmp;
        assertTrue(LearningCurves.order(t, p, 0.5, 3).spearman() < 0.5);
        // too few learned curves: no statistic
        assertTrue(Double.isNaN(LearningCurves.order(t, p, 0.5, 6).spearman()));
    }

    @Test
    void sharpnessIsRateFreeForExponentialsAndGrowsForFlatterStarts() {
        double[] t = new double[4000];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.exp(-6 + i * 0.004); // log-spaced: chords of 0.004 in ln t
        }
        double[][] exp = new double[2][t.length];
        double[][] logi = new double[2][t.length];
        double[] p0 = {1e-2, 1e-5};
        for (int j = 0; j < t.length; j++) {
            exp[0][j] = 1 - Math.exp(-1 * t[j]);
            exp[1][j] = 1 - Math.exp(-3 * t[j]);
            for (int i = 0; i < 2; i++) {
                logi[i][j] = 1 / (1 + (1 / p0[i] - 1) * Math.exp(-2 * t[j]));
            }
        }
        double[] se = LearningCurves.sharpness(t, exp);
        assertEquals(Math.log(2) / 2, se[0], 2e-3);
        assertEquals(Math.log(2) / 2, se[1], 2e-3);
        double[] sl = LearningCurves.sharpness(t, logi);
        for (int i = 0; i < 2; i++) {
            // a logistic crossing ½ at t½ = ln(1/p0 − 1)/r has dp/d ln t = t½·r/4 = ln(1/p0 − 1)/4
            assertEquals(Math.log(1 / p0[i] - 1) / 4, sl[i], 5e-3 * sl[i]);
        }
        // coarse sampling in ln t: no reading
        double[] coarse = {0, 0.1, 1, 10};
        assertTrue(Double.isNaN(LearningCurves.sharpness(coarse, new double[][] {{0, 0.1, 0.6, 1}})[0]));
    }
}
