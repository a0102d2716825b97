package org.psychonet.learning.supervised;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SensitivityOnsetTest {

    @Test
    void commonOrientationsThatGrowFirstGiveANegativeRankCorrelation() {
        int n = 6;
        int[] steps = {0, 10, 20, 30, 40};
        double[] p = {6, 5, 4, 3, 2, 1};
        double[][] d = new double[steps.length][n];
        for (int s = 0; s < steps.length; s++) {
            for (int i = 0; i < n; i++) {
                // growth starts later for rarer θ; the rarest never grows
                double start = 5 + 6 * i;
                d[s][i] = 1 + (i == n - 1 ? 0 : Math.min(20, Math.max(0, steps[s] - start)));
            }
        }
        SensitivityOnset o = SensitivityOnset.of(steps, d, p);
        assertEquals(-1.0, o.spearman(), 1e-12);
        assertTrue(Double.isNaN(o.onset()[n - 1]));
        assertEquals(n - 1, o.reached());
        assertEquals(10, o.level(), 1e-12);
        assertEquals(5 + 6 * 3 + 10, o.onset()[3], 1e-12);
        // growth in the opposite order flips the sign
        double[] reversed = {1, 2, 3, 4, 5, 6};
        assertEquals(1.0, SensitivityOnset.of(steps, d, reversed).spearman(), 1e-12);
    }
}
